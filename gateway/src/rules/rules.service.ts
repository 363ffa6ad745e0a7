// Sync rules: create/update/pause/resume/delete (validated by the engine's own schema, both
// remotes must be the caller's), run on demand through the long-lived engine of the rule
// runner (progress published for subscriptions, what the run wrote applied to the graph).
// Real-time and scheduled runs are the live sync's, told of every change to the rules.
import { newId, SyncoxideError } from '@syncoxide/core';
import { type Journal, parseRule, type RuleStatus } from '@syncoxide/sync';
import { z } from 'zod';
import { notFound } from '../ids.js';
import type { RuleRunner } from '../live/rule-runner.js';
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
  /** Told after a rule was created, changed or deleted (the live scheduler re-reads them). */
  onChanged: () => void = () => {};

  constructor(
    private readonly repo: RulesRepository,
    private readonly journal: Journal,
    private readonly runner: RuleRunner,
    private readonly remotes: RemotesService,
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
    const row = await this.repo.insert({ id, ownerId, name, rule });
    this.onChanged();
    return row;
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
    const row = await this.repo.update(ownerId, id, name, rule);
    if (!row) throw notFound('no such sync rule');
    this.onChanged();
    return row;
  }

  async setEnabled(ownerId: string, id: string, enabled: boolean): Promise<RuleRow> {
    const row = await this.get(ownerId, id);
    const updated = (await this.repo.update(ownerId, id, row.name, { ...row.rule, enabled }))!;
    this.onChanged();
    return updated;
  }

  async delete(ownerId: string, id: string): Promise<void> {
    if (!(UUID.test(id) && (await this.repo.delete(ownerId, id)))) throw notFound('no such sync rule');
    this.onChanged();
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

  /** Runs the rule now (a paused rule is refused); returns its status after the run. */
  async run(ownerId: string, id: string, options: { force?: boolean } = {}): Promise<RuleStatus> {
    const row = await this.get(ownerId, id);
    const rule = parseRule(row.rule);
    if (!rule.enabled) throw new SyncoxideError('CONFLICT', 'this rule is paused');
    const report = await this.runner.run(
      rule,
      { force: options.force ?? false },
      { name: row.name, asked: true },
    );
    // The run's writes are in the graph already; what it read may not be, unless a change feed
    // keeps that remote current (live sync): rescan only the remotes nothing watches.
    for (const remote of new Set([rule.path1.remote, rule.path2.remote])) {
      if (!this.runner.watched(remote)) await this.remotes.scan(ownerId, remote);
    }
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
