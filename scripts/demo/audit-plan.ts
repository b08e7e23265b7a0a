// The audit trail of a demo run: what the shop's users, staff and jobs did, each event
// linked to the demo trace it happened in. Pure and seeded, like the schedule.
import type { Random } from "./random";

/** The body of one POST /api/tracing/audit. */
export interface DemoAuditEvent {
  action: string;
  severity: "debug" | "info" | "warning" | "error" | "critical";
  resourceType: string;
  resourceId: string;
  description: string;
  userId: string;
  sessionId?: string;
  engagementId: string;
  ipAddress?: string;
  userAgent?: string;
  before?: unknown;
  after?: unknown;
  metadata?: Record<string, unknown>;
  traceId: string;
}

/** One emitted run: its scenario and the traces it produced (the first is the request's own). */
export interface EmittedRun {
  scenario: string;
  traceIds: readonly string[];
}

interface Customer {
  userId: string;
  ipAddress: string;
  userAgent: string;
}

const CUSTOMERS: readonly Customer[] = [
  { userId: "cust_maria.lopez", ipAddress: "198.51.100.23", userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15" },
  { userId: "cust_j.okafor", ipAddress: "203.0.113.48", userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0.0.0" },
  { userId: "cust_anna.berg", ipAddress: "192.0.2.117", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148" },
  { userId: "cust_li.wei", ipAddress: "198.51.100.201", userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Firefox/127.0" },
  { userId: "cust_p.schmidt", ipAddress: "203.0.113.9", userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/126.0.0.0 Mobile" },
];
const SUPPORT_AGENT = { userId: "staff_ana.ruiz", ipAddress: "192.0.2.10", userAgent: "Traceboard-Backoffice/3.4" };
const OPERATOR = { userId: "staff_tom.becker", ipAddress: "192.0.2.11", userAgent: "shop-admin-cli/1.8" };
const STOCK_SYNC_JOB = "svc_stock-sync";

/** Customer-facing flows; each run of one is done by one customer. */
const CUSTOMER_FLOWS = new Set(["browse-product", "search", "add-to-cart", "order-history", "checkout", "payment-declined", "inventory-down", "payments-bug"]);

export function demoEngagementId(seed: string): string {
  return `eng_shop-demo-${seed}`;
}

type Draft = Omit<DemoAuditEvent, "engagementId" | "traceId" | "userId" | "sessionId" | "ipAddress" | "userAgent">;

interface Story {
  random: Random;
  engagementId: string;
  events: DemoAuditEvent[];
  sessions: Map<Customer, { sessionId: string; lastTraceId: string }>;
  accessDenied: boolean;
  exported: boolean;
}

function add(story: Story, actor: { userId: string; ipAddress?: string; userAgent?: string }, traceId: string, draft: Draft, sessionId?: string): void {
  story.events.push({ ...draft, userId: actor.userId, sessionId, ipAddress: actor.ipAddress, userAgent: actor.userAgent, engagementId: story.engagementId, traceId });
}

/** The customer's session, opened with a login event in `traceId` the first time they appear. */
function sessionOf(story: Story, customer: Customer, traceId: string): string {
  let session = story.sessions.get(customer);
  if (!session) {
    session = { sessionId: `sess_${story.random.hex(8)}`, lastTraceId: traceId };
    story.sessions.set(customer, session);
    add(story, customer, traceId, { action: "login", severity: "info", resourceType: "session", resourceId: session.sessionId, description: "Signed in with password and TOTP", metadata: { method: "password+totp" } }, session.sessionId);
  }
  session.lastTraceId = traceId;
  return session.sessionId;
}

function customerEvent(story: Story, scenario: string, customer: Customer): Draft | null {
  const { random } = story;
  const order = `ord_${random.hex(6)}`;
  const totalCents = random.int(18, 420) * 100 - 1;
  switch (scenario) {
    case "add-to-cart": {
      const items = random.int(0, 3);
      return { action: "update", severity: "info", resourceType: "cart", resourceId: `cart_${customer.userId}`, description: "Added an item to the cart", before: { items }, after: { items: items + 1 } };
    }
    case "checkout":
      return { action: "create", severity: "info", resourceType: "order", resourceId: order, description: "Placed an order", after: { status: "paid", totalCents, currency: "EUR" } };
    case "payment-declined":
      return { action: "update", severity: "warning", resourceType: "order", resourceId: order, description: "Payment declined by the card issuer", before: { status: "pending_payment" }, after: { status: "payment_failed", declineCode: "insufficient_funds" } };
    case "inventory-down":
      return { action: "error", severity: "error", resourceType: "order", resourceId: order, description: "Checkout failed: inventory service unavailable" };
    case "payments-bug":
      return { action: "error", severity: "critical", resourceType: "order", resourceId: order, description: "Checkout failed: unhandled TypeError in payments" };
    case "order-history":
      if (!story.accessDenied) {
        story.accessDenied = true;
        const other = CUSTOMERS[(CUSTOMERS.indexOf(customer) + 1) % CUSTOMERS.length];
        return { action: "access_denied", severity: "warning", resourceType: "order", resourceId: order, description: "Tried to open another customer's order", metadata: { owner: other.userId, reason: "not_owner" } };
      }
      if (!story.exported) {
        story.exported = true;
        return { action: "export", severity: "info", resourceType: "order_history", resourceId: customer.userId, description: "Downloaded order history as CSV (data export request)", metadata: { format: "csv", orders: random.int(3, 40) } };
      }
      return { action: "read", severity: "info", resourceType: "order_history", resourceId: customer.userId, description: "Viewed order history" };
    default:
      return null;
  }
}

function backOfficeEvent(story: Story, scenario: string, traceId: string): void {
  const { random } = story;
  if (scenario === "stock-sync") {
    add(story, { userId: STOCK_SYNC_JOB }, traceId, { action: "execute", severity: "info", resourceType: "job", resourceId: "stock-sync", description: "Synced stock levels with the supplier", metadata: { skusUpdated: random.int(3, 40) } });
  } else if (scenario === "batch-import") {
    const rows = random.int(2000, 2800);
    add(story, OPERATOR, traceId, { action: "import", severity: "info", resourceType: "catalog", resourceId: `import_${random.hex(4)}`, description: "Imported a product catalogue CSV", metadata: { rows, file: "catalogue-2026-11.csv" } });
  }
}

/**
 * Audit events for the emitted runs: each customer's first run opens a session (login),
 * their runs record what they changed (cart and order updates with before/after), the
 * first order-history run is an access_denied and the next an export, back-office jobs
 * record their runs, a support agent edits one declined order, and every session ends
 * with a logout in its customer's last trace. All share one engagement id.
 */
export function planAuditEvents(random: Random, runs: readonly EmittedRun[], engagementId: string): DemoAuditEvent[] {
  const story: Story = { random, engagementId, events: [], sessions: new Map(), accessDenied: false, exported: false };
  let supportEdited = false;
  for (const run of runs) {
    const traceId = run.traceIds[0];
    if (!traceId) continue;
    if (!CUSTOMER_FLOWS.has(run.scenario)) {
      backOfficeEvent(story, run.scenario, traceId);
      continue;
    }
    const customer = random.pick(CUSTOMERS);
    const sessionId = sessionOf(story, customer, traceId);
    const draft = customerEvent(story, run.scenario, customer);
    if (draft) add(story, customer, traceId, draft, sessionId);
    if (run.scenario === "payment-declined" && draft && !supportEdited) {
      supportEdited = true;
      add(story, SUPPORT_AGENT, traceId, { action: "update", severity: "info", resourceType: "order", resourceId: draft.resourceId, description: "Support extended the payment window", before: { paymentDueHours: 24 }, after: { paymentDueHours: 72 }, metadata: { ticket: `SUP-${random.int(1000, 9999)}` } });
    }
  }
  // A short run may have too few order-history runs: the denied access and the export still happen.
  const last = [...story.sessions].at(-1);
  while (last && !(story.accessDenied && story.exported)) {
    const [customer, session] = last;
    add(story, customer, session.lastTraceId, customerEvent(story, "order-history", customer)!, session.sessionId);
  }
  for (const [customer, session] of story.sessions) {
    add(story, customer, session.lastTraceId, { action: "logout", severity: "info", resourceType: "session", resourceId: session.sessionId, description: "Signed out" }, session.sessionId);
  }
  return story.events;
}
