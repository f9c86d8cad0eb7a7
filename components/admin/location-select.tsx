import { Select } from "@/components/ui/input";

/** Where someone or something is: a choice only for a business with several locations. */
export function LocationSelect(props: {
  label: string;
  locations: { id: string; name: string }[];
  value: string;
  onChange: (id: string) => void;
}) {
  if (props.locations.length < 2) return null;
  return (
    <label className="flex flex-col text-sm font-medium">
      {props.label}
      <Select value={props.value} onChange={(e) => props.onChange(e.target.value)} className="mt-1">
        {props.locations.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </Select>
    </label>
  );
}
