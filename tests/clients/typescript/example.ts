// An integrator's program on the TypeScript client made from openapi/openapi.json: types by
// openapi-typescript (generated/qldv.d.ts), requests by openapi-fetch. scripts/test-contract.sh
// generates the types, checks this file with `tsc --strict --noEmit`, then runs it against a
// server: sign in, list members, read a report as CSV and round-trip a sync package.
//
//   node dist/example.js BASE_URL USER PASSWORD
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/qldv.js";

type Member = components["schemas"]["Member"];
type SyncPackage = components["schemas"]["SyncPackage"];
type SyncReport = components["schemas"]["SyncReport"];

/** The value of a call that must have succeeded, or a thrown error naming it. */
function ok<T>(what: string, result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) {
    throw new Error(`${what}: HTTP ${result.response.status} ${JSON.stringify(result.error)}`);
  }
  return result.data;
}

async function main(base: string, username: string, password: string): Promise<void> {
  const anonymous = createClient<paths>({ baseUrl: base });
  const tokens = ok("sign-in", await anonymous.POST("/api/v1/auth/login", { body: { username, password } }));
  const api = createClient<paths>({
    baseUrl: base,
    headers: { Authorization: `Bearer ${tokens.access_token}` },
  });

  // Members: the first page of the first top-level organisation's subtree.
  const roots = ok("organisations", await api.GET("/api/v1/organizations"));
  const root = roots.items[0];
  if (root === undefined) throw new Error("no organisation");
  const page = ok(
    "members",
    await api.GET("/api/v1/members", { params: { query: { organization_id: root.id, limit: 5 } } }),
  );
  const first: Member | undefined = page.items[0];
  if (first === undefined) throw new Error("no member");
  console.log(`${root.name}: first member ${first.full_name} (${first.status}); next page: ${page.next_cursor}`);

  // A report as CSV: the report's spreadsheet operation (`export_report`, CSV by default), read
  // as text.
  const csv = ok(
    "report as CSV",
    await api.GET("/api/v1/reports/{code}/export", {
      params: { path: { code: "composition" }, query: { organization_id: root.id } },
      parseAs: "text",
    }),
  );
  const header = csv.replace(/^\uFEFF/, "").split(/\r?\n/)[0];
  console.log(`composition report as CSV: ${csv.length} characters; first line: ${header}`);

  // A sync package, round-tripped: this installation trusts its own key for the subtree, exports
  // the subtree and imports the package again (every record already as the package has it).
  const me = ok("sync key", await api.GET("/api/v1/sync/key"));
  ok(
    "trust",
    await api.POST("/api/v1/sync/trusted-keys", {
      body: { public_key: me.public_key, name: "this installation", organization_id: root.id },
    }),
  );
  const pkg: SyncPackage = ok(
    "export",
    await api.GET("/api/v1/sync/export", { params: { query: { organization_id: root.id } } }),
  );
  const report: SyncReport = ok("import", await api.POST("/api/v1/sync/import", { body: pkg }));
  if (report.applied !== 0 || report.conflicts.length !== 0) {
    throw new Error(`a round trip changed something: ${JSON.stringify(report)}`);
  }
  console.log(`sync package ${pkg.format} signed by ${pkg.public_key.slice(0, 12)}…: ${report.unchanged} record(s) unchanged`);
}

const [base, username, password] = process.argv.slice(2);
if (base === undefined || username === undefined || password === undefined) {
  console.error("usage: node dist/example.js BASE_URL USER PASSWORD");
  process.exit(2);
}
await main(base, username, password);
