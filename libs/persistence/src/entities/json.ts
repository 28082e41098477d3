/** A JSON document stored in a jsonb column (TypeORM's partial types need `any` here). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonDoc = { [key: string]: any };
