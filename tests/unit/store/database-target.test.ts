import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_DATABASE_URL, resolveDatabaseTarget, type DatabaseTarget } from "@/lib/store/database-target";

const CWD = process.cwd();

function sqlite(filename: string): DatabaseTarget {
  return { provider: "sqlite", url: `file:${filename}`, filename };
}

describe("resolveDatabaseTarget", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each<[string, string | undefined, DatabaseTarget]>([
    ["unset_defaultSqlite", undefined, sqlite(path.join(CWD, "data", "traceboard.db"))],
    ["empty_defaultSqlite", "", sqlite(path.join(CWD, "data", "traceboard.db"))],
    ["blank_defaultSqlite", "   ", sqlite(path.join(CWD, "data", "traceboard.db"))],
    ["relativeFile_resolvedAbsolute", "file:./x.db", sqlite(path.join(CWD, "x.db"))],
    ["relativeFileNoDot", "file:sub/z.db", sqlite(path.join(CWD, "sub", "z.db"))],
    ["absoluteFile_queryStripped", "file:/abs/y.db?mode=rwc", sqlite("/abs/y.db")],
    ["absoluteFile", "file:/abs/y.db", sqlite("/abs/y.db")],
    ["surroundingWhitespaceTrimmed", "  file:/abs/y.db  ", sqlite("/abs/y.db")],
    ["postgres", "postgres://u:p@db:5432/tb", { provider: "postgresql", url: "postgres://u:p@db:5432/tb" }],
    ["postgresql", "postgresql://u:p@db/tb?schema=x", { provider: "postgresql", url: "postgresql://u:p@db/tb?schema=x" }],
    ["postgresUpperCase", "POSTGRES://db/tb", { provider: "postgresql", url: "POSTGRES://db/tb" }],
  ])("%s", (_name, databaseUrl, expected) => {
    const target = resolveDatabaseTarget(databaseUrl);
    expect(target).toEqual(expected);
    if (target.provider === "sqlite") expect(path.isAbsolute(target.filename)).toBe(true);
  });

  it("defaultUrlConstant", () => {
    expect(DEFAULT_DATABASE_URL).toBe("file:./data/traceboard.db");
  });

  it("readsProcessEnvWhenNoArgument", () => {
    vi.stubEnv("DATABASE_URL", "file:/from/env.db");
    expect(resolveDatabaseTarget()).toEqual(sqlite("/from/env.db"));
  });

  it("processEnvUnset_default", () => {
    vi.stubEnv("DATABASE_URL", undefined);
    expect(resolveDatabaseTarget()).toEqual(sqlite(path.join(CWD, "data", "traceboard.db")));
  });

  it.each<[string, string, string]>([
    ["mysql", "mysql://u:p@db/tb", "mysql:"],
    ["sqliteScheme", "sqlite:./x.db", "sqlite:"],
    ["postgresWithoutSlashes", "postgres:db", "postgres:"],
    ["barePath", "./x.db", "./x.db:"],
  ])("unsupported_%s_throws", (_name, databaseUrl, shown) => {
    expect(() => resolveDatabaseTarget(databaseUrl)).toThrow(Error);
    let message = "";
    try {
      resolveDatabaseTarget(databaseUrl);
    } catch (error) {
      message = (error as Error).message;
    }
    for (const scheme of ["file:", "postgres://", "postgresql://"]) expect(message).toContain(scheme);
    expect(message).toContain(`got ${shown}...`);
  });

  it("unsupported_doesNotLeakCredentials", () => {
    expect(() => resolveDatabaseTarget("mysql://admin:s3cret@db/tb")).not.toThrow(/s3cret/);
  });
});
