"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";

interface Props {
  action: (
    state: { secret?: string; error?: string },
    form: FormData,
  ) => Promise<{ secret?: string; error?: string }>;
  labels: {
    keyName: string;
    scope: string;
    scopeWrite: string;
    scopeRead: string;
    createKey: string;
    keyCreated: string;
    newKey: string;
    copy: string;
    copied: string;
    failed: string;
  };
}

/** Creates an API key and shows its secret this once; it is stored only as a hash. */
export function ApiKeyCreator({ action, labels }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <div>
      <form action={formAction} className="flex flex-wrap items-end gap-2">
        <Field id="key-name" label={labels.keyName}>
          <Input id="key-name" name="name" maxLength={100} compact className="mt-1 text-sm" />
        </Field>
        <Field id="key-scope" label={labels.scope}>
          <Select id="key-scope" name="scope" defaultValue="write" compact className="mt-1 text-sm">
            <option value="write">{labels.scopeWrite}</option>
            <option value="read">{labels.scopeRead}</option>
          </Select>
        </Field>
        <button type="submit" disabled={pending} className={buttonClass()}>
          {labels.createKey}
        </button>
      </form>
      {state.secret && (
        <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p role="status">{labels.keyCreated}</p>
          {/* Keyed by the secret: each new key comes into view and takes focus. */}
          <CopyField
            key={state.secret}
            id="new-api-key"
            label={labels.newKey}
            value={state.secret}
            copyLabel={labels.copy}
            copiedLabel={labels.copied}
            testId="new-api-key"
            reveal
          />
        </div>
      )}
      {state.error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {labels.failed}
        </p>
      )}
    </div>
  );
}
