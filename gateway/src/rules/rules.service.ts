// Sync rules: create/update/pause/resume/delete (validated by the engine's own schema, both
// remotes must be the caller's), run on demand through the sync engine with its journal, and
// progress published for subscriptions. After a run both sides are rescanned into the graph.
import { newId, SyncoxideError } from '@syncoxide/core';
import {
  type Journal,
  type Provider,
  parseRule,
  type RuleStatus,
  SyncEngine,
  SyncEvents,
} from '@syncoxide/sync';
import { z } from 'zod';
import type { EventsService } from '../events/events.service.js';
import { notFound } from '../ids.js';
import type { ProviderPool } from '../remotes/providers.js';
import type { RemotesService } from '../remotes/remotes.service.js';
import { invalidInput } from '../validation.js';
import type { RuleRow, RulesRepository } from './rules.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const RuleInput = z.object({
  name: z.string().trim().min(1, 'name is required').max(100),
  /** The rule as the engine defines it, without id and owner (the gateway sets those). */
  rule: z.record(z.unknown()),
});

export class RulesService {
  constructor(
    private readonly repo: RulesRepository,
    private readonly journal: Journal,
    private readonly providers: ProviderPool,
    private readonly remotes: RemotesService,
    private readonly events: EventsService,
  ) {}

  private async validated(ownerId: string, id: string, raw: unknown) {
    const input = invalidInput(RuleInput, raw);
    const rule = parseRule({ ...input.rule, id, ownerId });
    // Both sides must be the caller's remotes; a foreign remote id is simply not found.
    await this.remotes.get(ownerId, rule.path1.remote);
    await this.remotes.get(ownerId, rule.path2.remote);
    return { name: input.name, rule };
  }

  async create(ownerId: string, raw: unknown): Promise<RuleRow> {
    const id = newId();
    const { name, rule } = await this.validated(ownerId, id, raw);
    return this.repo.insert({ id, ownerId, name, rule });
  }

  async get(ownerId: string, id: string): Promise<RuleRow> {
    const row = UUID.test(id) ? await this.repo.get(ownerId, id) : null;
    if (!row) throw notFound('no such sync rule');
    return row;
  }

  list(ownerId: string): Promise<RuleRow[]> {
    return this.repo.list(ownerId);
  }

  async update(ownerId: string, id: string, raw: unknown): Promise<RuleRow> {
    await this.get(ownerId, id);
    const { name, rule } = await this.validated(ownerId, id, raw);
    return (await this.repo.update(ownerId, id, name, rule)) ?? Promise.reject(notFound('no such sync rule'));
  }

  async setEnabled(ownerId: string, id: string, enabled: boolean): Promise<RuleRow> {
    const row = await this.get(ownerId, id);
    return (await this.repo.update(ownerId, id, row.name, { ...row.rule, enabled }))!;
  }

  async delete(ownerId: string, id: string): Promise<void> {
    if (!(UUID.test(id) && (await this.repo.delete(ownerId, id)))) throw notFound('no such sync rule');
  }

  /** The caller's rules with a side whose folder holds this node. */
  async covering(ownerId: string, node: { remoteId: string; path: string }): Promise<RuleRow[]> {
    const within = (side: unknown) => {
      const e = side as { remote?: string; path?: string } | undefined;
      const p = e?.path ?? '';
      return e?.remote === node.remoteId && (p === '' || node.path === p || node.path.startsWith(`${p}/`));
    };
    return (await this.repo.list(ownerId)).filter((r) => within(r.rule.path1) || within(r.rule.path2));
  }

  status(ruleId: string): Promise<RuleStatus | null> {
    return this.journal.runs.getStatus<RuleStatus>(ruleId);
  }

  /** Runs the rule now (a paused rule is refused); returns its status after the run. */
  /** The rule's past runs from the journal, newest first (the rule row was already scoped). */
  async history(ruleId: string, first: number): Promise<RuleRun[]> {
    const { rows } = await this.journal.pool.query(
      `SELECT id, state, started_at, finished_at, summary FROM "${this.journal.schema}".sync_runs
       WHERE rule_id = $1 ORDER BY started_at DESC LIMIT $2`,
      [ruleId, Math.min(Math.max(first, 1), 100)],
    );
    return rows.map((r) => ({
      id: r.id,
      state: r.state,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      summary: r.summary,
    }));
  }

  async run(ownerId: string, id: string, options: { force?: boolean } = {}): Promise<RuleStatus> {
    const row = await this.get(ownerId, id);
    const rule = parseRule(row.rule);
    if (!rule.enabled) throw new SyncoxideError('CONFLICT', 'this rule is paused');
    const open = new Map<string, Provider>();
    for (const remote of [rule.path1.remote, rule.path2.remote]) {
      open.set(remote, await this.providers.get(ownerId, remote));
    }
    const events = new SyncEvents();
    const progress = { operations: 0, done: 0, failed: 0, bytes: 0 };
    const publish = (
      stage: 'planned' | 'operation' | 'finished',
      path: string | null,
      result: string | null,
    ) =>
      this.events.publish('sync', ownerId, { ruleId: id, stage, ...progress, path, result, at: Date.now() });
    events.on('run:planned', (e) => {
      progress.operations += e.ops;
      publish('planned', null, null);
    });
    events.on('op:done', (e) => {
      progress.done++;
      progress.bytes += e.bytes ?? 0;
      publish('operation', e.path ?? null, null);
    });
    events.on('op:failed', (e) => {
      progress.failed++;
      publish('operation', e.path ?? null, null);
    });
    const engine = new SyncEngine({ journal: this.journal, provider: (r) => open.get(r)!, events });
    const report = await engine.run(rule, { force: options.force ?? false });
    for (const remote of open.keys()) await this.remotes.scan(ownerId, remote);
    publish('finished', null, report.result);
    this.events.notify(ownerId, 'sync.finished', `${row.name}: ${report.result}`);
    return (await this.status(id)) ?? report;
  }
}

export interface RuleRun {
  id: string;
  state: string;
  startedAt: Date;
  finishedAt: Date | null;
  summary: unknown;
}
