"use client";

import { Select } from "@/components/ui/select";
import { defaultAttributeKey, type AttributeKey } from "@/lib/trace-statistics/attribute-keys";
import { FIXED_GROUP_BYS, formatGroupBy, parseGroupBy, scopedKey, type GroupBy } from "@/lib/trace-statistics/group-by";
import { withCurrentValue } from "@/lib/ui/select-options";

const ATTRIBUTE = "attribute";

/** Group by service, operation, both, or an attribute key the trace holds (with a second box listing those keys). */
export function GroupByPicker({ groupBy, keys, onChange }: { groupBy: GroupBy; keys: readonly AttributeKey[]; onChange(groupBy: GroupBy): void }) {
  const kinds = [
    ...FIXED_GROUP_BYS.map((option) => ({ value: option.kind, label: option.label })),
    ...(keys.length > 0 || groupBy.kind === ATTRIBUTE ? [{ value: ATTRIBUTE, label: "Attribute…" }] : []),
  ];
  const keyOptions = keys.map((key) => ({ value: scopedKey(key.scope, key.key), label: `${scopedKey(key.scope, key.key)} (${key.spanCount})` }));
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select
        label="Group by"
        data-testid="group-by"
        value={groupBy.kind}
        options={kinds}
        onChange={(kind) => {
          if (kind !== ATTRIBUTE) return onChange(parseGroupBy(kind));
          const key = defaultAttributeKey(keys);
          if (key) onChange({ kind: ATTRIBUTE, scope: key.scope, key: key.key });
        }}
      />
      {groupBy.kind === ATTRIBUTE && (
        <Select
          aria-label="Attribute key"
          data-testid="group-by-key"
          value={formatGroupBy(groupBy)}
          // A key from a link that this trace lacks stays selectable: every span then lands in the "(no key)" group.
          options={withCurrentValue(keyOptions, formatGroupBy(groupBy))}
          onChange={(key) => onChange(parseGroupBy(key))}
        />
      )}
    </div>
  );
}
