// Stored cleanup reports and plans (PostgreSQL): a download or an execution refers to exactly
// the report the user saw, with each item's state at that time. Rows are the owner's only.
import type { Sql } from '../db/sql.js';
import type { CleanupPlanView, CleanupReportView } from './analytics.types.js';

export async function migrateReports({ pool, schema }: Sql): Promise<void> {
  await pool.query(`
    CREATE SCHEMA IF NOT EXISTS ${schema};
    CREATE TABLE IF NOT EXISTS ${schema}.cleanup_reports (
      id uuid PRIMARY KEY,
      owner_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      report jsonb NOT NULL
    );
    CREATE INDEX IF NOT EXISTS cleanup_reports_owner ON ${schema}.cleanup_reports (owner_id, created_at);
    CREATE TABLE IF NOT EXISTS ${schema}.cleanup_plans (
      id uuid PRIMARY KEY,
      owner_id text NOT NULL,
      report_id uuid NOT NULL REFERENCES ${schema}.cleanup_reports (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      plan jsonb NOT NULL,
      executed_at timestamptz,
      result jsonb
    );
  `);
}

export class ReportsRepository {
  constructor(private readonly sql: Sql) {}

  async saveReport(ownerId: string, report: CleanupReportView): Promise<void> {
    await this.sql.pool.query(
      `INSERT INTO ${this.sql.schema}.cleanup_reports (id, owner_id, created_at, report) VALUES ($1, $2, $3, $4)`,
      [report.id, ownerId, new Date(report.createdAt), JSON.stringify(report)],
    );
  }

  async report(ownerId: string, id: string): Promise<CleanupReportView | null> {
    const { rows } = await this.sql.pool.query<{ report: CleanupReportView }>(
      `SELECT report FROM ${this.sql.schema}.cleanup_reports WHERE id = $1 AND owner_id = $2`,
      [id, ownerId],
    );
    return rows[0]?.report ?? null;
  }

  async savePlan(ownerId: string, plan: CleanupPlanView): Promise<void> {
    await this.sql.pool.query(
      `INSERT INTO ${this.sql.schema}.cleanup_plans (id, owner_id, report_id, created_at, plan) VALUES ($1, $2, $3, $4, $5)`,
      [plan.id, ownerId, plan.reportId, new Date(plan.createdAt), JSON.stringify(plan)],
    );
  }

  async plan(ownerId: string, id: string): Promise<CleanupPlanView | null> {
    const { rows } = await this.sql.pool.query<{ plan: CleanupPlanView; executed_at: Date | null }>(
      `SELECT plan, executed_at FROM ${this.sql.schema}.cleanup_plans WHERE id = $1 AND owner_id = $2`,
      [id, ownerId],
    );
    const row = rows[0];
    return row ? { ...row.plan, executedAt: row.executed_at?.getTime() ?? null } : null;
  }

  /** Marks a plan executed; false when it already was (a plan runs once). */
  async claimPlan(ownerId: string, id: string): Promise<boolean> {
    const r = await this.sql.pool.query(
      `UPDATE ${this.sql.schema}.cleanup_plans SET executed_at = now()
        WHERE id = $1 AND owner_id = $2 AND executed_at IS NULL`,
      [id, ownerId],
    );
    return (r.rowCount ?? 0) === 1;
  }

  async saveResult(ownerId: string, id: string, result: unknown): Promise<void> {
    await this.sql.pool.query(
      `UPDATE ${this.sql.schema}.cleanup_plans SET result = $3 WHERE id = $1 AND owner_id = $2`,
      [id, ownerId, JSON.stringify(result)],
    );
  }
}
