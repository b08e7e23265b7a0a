"use client";

import { useState } from "react";
import { AuditActionParam, AuditSeverityParam } from "@/lib/api/contracts/audit";
import type { AuditFilters as Filters } from "@/lib/client/queries/audit";
import { Select } from "@/components/ui/select";
import { nameOptions } from "@/lib/ui/select-options";

const TEXT_FILTERS = [
  { key: "userId", label: "User" },
  { key: "resourceType", label: "Resource type" },
  { key: "resourceId", label: "Resource id" },
  { key: "sessionId", label: "Session" },
  { key: "engagementId", label: "Engagement" },
  { key: "traceId", label: "Trace id" },
] as const;

const FIELD = "w-full rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

function EnumSelect({ label, name, value, options, onChange }: { label: string; name: string; value?: string; options: readonly string[]; onChange: (value: string | undefined) => void }) {
  return (
    <label className="block text-xs text-zinc-600 dark:text-zinc-400">
      {label}
      <Select name={name} className={FIELD} value={value ?? ""} options={[{ value: "", label: "Any" }, ...nameOptions(options)]} onChange={(next) => onChange(next || undefined)} />
    </label>
  );
}

/**
 * The audit list's filters. Selects apply at once; the text fields apply on Enter or
 * "Apply". Remount (key) it when the URL changes so the drafts follow.
 */
export function AuditFiltersForm({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const [draft, setDraft] = useState<Filters>(filters);
  return (
    <form
      aria-label="Audit filters"
      className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8"
      onSubmit={(event) => {
        event.preventDefault();
        onChange(draft);
      }}
    >
      <EnumSelect label="Action" name="action" value={filters.action} options={AuditActionParam.options} onChange={(action) => onChange({ ...draft, action })} />
      <EnumSelect label="Severity" name="severity" value={filters.severity} options={AuditSeverityParam.options} onChange={(severity) => onChange({ ...draft, severity })} />
      {TEXT_FILTERS.map(({ key, label }) => (
        <label key={key} className="block text-xs text-zinc-600 dark:text-zinc-400">
          {label}
          <input name={key} className={FIELD} value={draft[key] ?? ""} onChange={(event) => setDraft({ ...draft, [key]: event.target.value.trim() || undefined })} />
        </label>
      ))}
      <div className="col-span-full flex gap-2">
        <button type="submit" className="rounded bg-sky-600 px-3 py-1 text-sm font-medium text-white hover:bg-sky-700">
          Apply
        </button>
        <button type="button" onClick={() => onChange({})} className="rounded border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          Clear filters
        </button>
      </div>
    </form>
  );
}
