// Private engine instances that a test may stop and start again (never the shared ones).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EngineInstance, startEngineInstance } from '@syncoxide/infra';

/** An instance that can be stopped and started again on the same ports and data. */
export class Restartable {
  private constructor(
    readonly engine: 'kafka' | 'opensearch',
    readonly dataDir: string,
    public instance: EngineInstance | null,
  ) {}
  static async start(engine: 'kafka' | 'opensearch'): Promise<Restartable> {
    const dataDir = mkdtempSync(join(tmpdir(), `indexer-fault-${engine}-`));
    return new Restartable(
      engine,
      dataDir,
      await startEngineInstance(engine, { dataDir, removeOnStop: false }),
    );
  }
  get url(): string {
    return this.instance!.url;
  }
  private ports = { port: 0, secondaryPort: 0 };
  async stop(): Promise<void> {
    if (!this.instance) return;
    this.ports = { port: this.instance.port, secondaryPort: this.instance.secondaryPort };
    await this.instance.stop();
    this.instance = null;
  }
  async startAgain(): Promise<void> {
    this.instance = await startEngineInstance(this.engine, {
      ...this.ports,
      dataDir: this.dataDir,
      removeOnStop: false,
    });
  }
  async dispose(): Promise<void> {
    await this.stop().catch(() => {});
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
