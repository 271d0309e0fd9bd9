import { Select, Text, TextInput } from '@mantine/core';
import { type MappingStatus, MappingStatus as MappingStatusSchema } from '@shared/contract';
import { Search } from 'lucide-react';
import { useEffect, useState } from 'react';

/** Search (applied as the user pauses typing), a status filter with counts, and the total. */
export function MappingFilters({
  searchLabel,
  placeholder,
  search,
  status,
  statuses = MappingStatusSchema.options,
  counts,
  total,
  noun,
  onChange,
}: {
  searchLabel: string;
  placeholder: string;
  search: string;
  status: MappingStatus | null;
  statuses?: readonly MappingStatus[];
  counts: Record<MappingStatus, number> | undefined;
  total: string;
  noun: string;
  onChange(change: { search?: string; status?: MappingStatus | null }): void;
}) {
  const [typed, setTyped] = useState(search);
  useEffect(() => {
    const timer = setTimeout(() => {
      if (typed !== search) onChange({ search: typed });
    }, 250);
    return () => clearTimeout(timer);
  }, [typed, search, onChange]);

  return (
    <>
      <TextInput
        aria-label={searchLabel}
        placeholder={placeholder}
        leftSection={<Search size={16} aria-hidden />}
        value={typed}
        onChange={(event) => setTyped(event.currentTarget.value)}
        w={300}
      />
      <Select
        aria-label="Filter by mapping status"
        placeholder="All statuses"
        clearable
        data={statuses.map((option) => ({
          value: option,
          label: counts ? `${option} (${counts[option]})` : option,
        }))}
        value={status}
        onChange={(value) => onChange({ status: (value as MappingStatus | null) ?? null })}
        w={220}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {total} {noun}
      </Text>
    </>
  );
}
