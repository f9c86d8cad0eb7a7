import postgres from "postgres";

/**
 * A new, empty database `name` on the PostgreSQL server at `adminUrl` (replacing any database of
 * that name), for the benchmark and the proof; its URL.
 */
export async function freshPostgres(adminUrl: string, name: string): Promise<string> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin`drop database if exists ${admin(name)} with (force)`;
    await admin`create database ${admin(name)}`;
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
