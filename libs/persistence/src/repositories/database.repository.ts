import { DataSource } from 'typeorm';

/** The database connection itself, for readiness checks. */
export class DatabaseRepository {
  constructor(private readonly ds: DataSource) {}

  /** Resolves when Postgres answers a query. */
  async ping(): Promise<void> {
    await this.ds.query('SELECT 1');
  }
}
