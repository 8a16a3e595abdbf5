// PostgreSQL side of the schema-engine stand-in: Prisma connection URLs, the driver adapter the
// WebAssembly engine works through, and the database-level commands the CLI runs on their own.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";

const CHAR_OID = 18;
const TEXT_OID = 25;

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

// The engine reports a failed script only as "external connector error", so the driver's error
// is kept here for the native P3018 report.
let lastScriptFailure = null;

// `?schema=` is Prisma's own parameter: PostgreSQL only learns of it through the search path.
export function parseUrl(url) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") || "public";
  parsed.searchParams.delete("schema");
  const host = parsed.searchParams.get("host") || parsed.hostname;
  return {
    url: parsed.toString(),
    schema,
    host,
    address: `${host}:${parsed.port || 5432}`,
    user: decodeURIComponent(parsed.username),
    database: decodeURIComponent(parsed.pathname.slice(1)),
  };
}

function withDatabase(connection, database) {
  const parsed = new URL(connection.url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return { ...connection, url: parsed.toString(), database };
}

function poolConfig(connection) {
  return { connectionString: connection.url, options: `-c search_path=${quoteIdent(connection.schema)}` };
}

async function runSql(connection, sql) {
  const client = new pg.Client(poolConfig(connection));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// The server's maintenance database, for commands whose target database may not exist.
async function runOnServer(connection, sql) {
  try {
    await runSql(withDatabase(connection, "postgres"), sql);
  } catch (error) {
    if (error.code !== "3D000") throw error;
    await runSql(withDatabase(connection, "template1"), sql);
  }
}

// Two gaps in adapter-pg, as the engine uses it:
// - it cannot read PostgreSQL's internal "char" type (oid 18), which the engine selects when it
//   inspects constraints; the engine expects such a column as a single character;
// - its executeScript splits on every ";" and sends each piece to any pool connection, which
//   breaks function bodies and DO blocks; the native engine sends a migration as one script.
function withPostgresFixes(queryable) {
  const { queryRaw, startTransaction } = queryable;
  queryable.queryRaw = async (query) => {
    const charColumns = [];
    // A per-call view of the adapter so concurrent queries keep their own list of columns.
    const view = Object.create(queryable, {
      performIO: {
        value: async (ioQuery) => {
          const result = await queryable.performIO(ioQuery);
          result.fields = result.fields.map((field, index) => {
            if (field.dataTypeID !== CHAR_OID) return field;
            charColumns.push(index);
            return { ...field, dataTypeID: TEXT_OID };
          });
          return result;
        },
      },
    });
    const resultSet = await queryRaw.call(view, query);
    for (const index of charColumns) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
  if (startTransaction) {
    queryable.startTransaction = async (isolationLevel) =>
      withPostgresFixes(await startTransaction.call(queryable, isolationLevel));
  }
  if (queryable.executeScript) {
    queryable.executeScript = async (script) => {
      try {
        await queryable.client.query(script);
      } catch (error) {
        lastScriptFailure = { script, error };
        queryable.onError(error);
      }
    };
  }
  return queryable;
}

async function connectAdapter(connection) {
  const factory = new PrismaPg(poolConfig(connection), { schema: connection.schema });
  return withPostgresFixes(await factory.connect());
}

// adapter-pg's own connectToShadowDb connects to the main database again and drops the shadow
// database while still connected to it, so the shadow database is handled here.
async function connectThrowawayShadowDb(main) {
  const shadow = withDatabase(main, `prisma_migrate_shadow_db_${randomUUID()}`);
  await runSql(main, `CREATE DATABASE ${quoteIdent(shadow.database)}`);
  const adapter = await connectAdapter(shadow);
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await runSql(main, `DROP DATABASE IF EXISTS ${quoteIdent(shadow.database)}`);
  };
  return adapter;
}

// Like the native engine: a configured shadow database is wiped before use, so it must not be
// the main database.
async function connectConfiguredShadowDb(main, shadow) {
  if (shadow.address === main.address && shadow.database === main.database) {
    throw new Error(
      "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.",
    );
  }
  const adapter = await connectAdapter(shadow);
  const schema = quoteIdent(shadow.schema);
  await adapter.executeScript(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};`);
  return adapter;
}

export function adapterFactory(url, shadowDatabaseUrl) {
  const main = parseUrl(url);
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectAdapter(main),
    connectToShadowDb: () =>
      shadowDatabaseUrl
        ? connectConfiguredShadowDb(main, parseUrl(shadowDatabaseUrl))
        : connectThrowawayShadowDb(main),
  };
}

export const databaseCommands = {
  "can-connect-to-database": (connection) => runSql(connection, "SELECT 1"),
  "create-database": async (connection) => {
    await runOnServer(connection, `CREATE DATABASE ${quoteIdent(connection.database)}`);
    await runSql(connection, `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(connection.schema)}`);
  },
  "drop-database": (connection) =>
    runOnServer(connection, `DROP DATABASE ${quoteIdent(connection.database)}`),
};

// Applies migrations, reporting a failed one like the native engine does (P3018).
export async function applyMigrations(engine, params) {
  lastScriptFailure = null;
  try {
    return await engine.applyMigrations(params);
  } catch (error) {
    const failure = lastScriptFailure;
    const migration = params.migrationsList.migrationDirectories.find(
      ({ migrationFile }) => failure && migrationFile.content.value === failure.script,
    );
    if (!migration) throw error;
    const { code, message, detail, hint } = failure.error;
    const databaseError = [`ERROR: ${message}`, detail && `DETAIL: ${detail}`, hint && `HINT: ${hint}`]
      .filter(Boolean)
      .join("\n");
    throw Object.assign(
      new Error(
        `A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\nMigration name: ${migration.path}\n\nDatabase error code: ${code}\n\nDatabase error:\n${databaseError}\n`,
      ),
      {
        code: "P3018",
        meta: { migration_name: migration.path, database_error_code: code, database_error: databaseError },
      },
    );
  }
}

// The native engine's wording and codes for the errors the CLI acts on (P1003 makes
// `migrate dev` create the database).
const unreachable = ({ address }) => ({
  code: "P1001",
  message: `Can't reach database server at \`${address}\`\n\nPlease make sure your database server is running at \`${address}\`.`,
});
const authenticationFailed = ({ host, user }) => ({
  code: "P1000",
  message: `Authentication failed against database server at \`${host}\`, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${host}\`.`,
});
const DATABASE_ERRORS = {
  ECONNREFUSED: unreachable,
  ENOTFOUND: unreachable,
  EHOSTUNREACH: unreachable,
  ETIMEDOUT: unreachable,
  "28P01": authenticationFailed,
  28000: authenticationFailed,
  "3D000": ({ address, database }) => ({
    code: "P1003",
    message: `Database \`${database}\` does not exist on the database server at \`${address}\`.`,
  }),
  "42P04": ({ address, database }) => ({
    code: "P1009",
    message: `Database \`${database}\` already exists on the database server at \`${address}\``,
  }),
};

export function describeDatabaseError(error, url) {
  const describe = DATABASE_ERRORS[error.code];
  return describe ? describe(parseUrl(url)) : { message: error.message };
}
