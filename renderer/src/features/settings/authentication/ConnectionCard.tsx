import {
  Alert,
  Button,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { CircleCheck, CircleX, FlaskConical } from 'lucide-react';
import { useEffect, useId } from 'react';
import type { ConnectionStore, Outcome } from './connectionStore';

export interface ConnectionFieldSpec<Field extends string> {
  name: Field;
  label: string;
  /** A secret is typed in a password field and never shown again once saved. */
  secret?: boolean;
  placeholder?: string;
  autoComplete?: string;
  spellCheck?: boolean;
  /** Under the secret field once one is saved: what typing it again is needed for. */
  savedHint?: string;
}

interface ConnectionCardProps<Field extends string, View> {
  store: ConnectionStore<Field, View>;
  title: string;
  description: string;
  fields: ReadonlyArray<ConnectionFieldSpec<Field>>;
  labels: { test: string; save: string; remove?: string };
  /** Said while a test or save runs. */
  progress?: { testing: string; saving: string };
  /** `npm run demo` only: a button that fills every field with a simulator's values. */
  fill?: { label: string; values: Record<Field, string> };
}

/** The one form both connections use: fields, test, save, remove, and what came of it. */
export function ConnectionCard<Field extends string, View>({
  store,
  title,
  description,
  fields,
  labels,
  progress,
  fill,
}: ConnectionCardProps<Field, View>) {
  const saved = store((state) => state.saved);
  const draft = store((state) => state.draft);
  const errors = store((state) => state.errors);
  const busy = store((state) => state.busy);
  const outcome = store((state) => state.outcome);
  const setField = store((state) => state.setField);
  const test = store((state) => state.test);
  const save = store((state) => state.save);
  const remove = store((state) => state.remove);
  const headingId = useId();

  useEffect(() => {
    void store.getState().load();
  }, [store]);

  /** Another action of this card is running. */
  const blockedBy = (action: 'testing' | 'saving') => busy !== null && busy !== action;

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="md">
          <div>
            <Title order={2} size="h4" id={headingId}>
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          </div>
          {fill && (
            <Group>
              <Button
                variant="light"
                color="grape"
                leftSection={<FlaskConical size={16} aria-hidden />}
                disabled={busy !== null}
                onClick={() => {
                  for (const field of fields) setField(field.name, fill.values[field.name]);
                }}
              >
                {fill.label}
              </Button>
            </Group>
          )}
          {fields.map((field) =>
            field.secret ? (
              <PasswordInput
                key={field.name}
                label={field.label}
                required
                autoComplete="off"
                placeholder={saved ? '********' : undefined}
                description={saved ? field.savedHint : undefined}
                value={draft[field.name]}
                error={errors[field.name]}
                onChange={(event) => setField(field.name, event.currentTarget.value)}
              />
            ) : (
              <TextInput
                key={field.name}
                label={field.label}
                required
                placeholder={field.placeholder}
                autoComplete={field.autoComplete}
                spellCheck={field.spellCheck}
                value={draft[field.name]}
                error={errors[field.name]}
                onChange={(event) => setField(field.name, event.currentTarget.value)}
              />
            ),
          )}
          <Group>
            <Button
              variant="default"
              loading={busy === 'testing'}
              disabled={blockedBy('testing')}
              onClick={() => void test()}
            >
              {labels.test}
            </Button>
            <Button type="submit" loading={busy === 'saving'} disabled={blockedBy('saving')}>
              {labels.save}
            </Button>
            {saved && labels.remove && (
              <Button
                variant="subtle"
                color="red"
                loading={busy === 'removing'}
                disabled={busy !== null}
                onClick={() => void remove()}
              >
                {labels.remove}
              </Button>
            )}
          </Group>
          <div aria-live="polite">
            {progress && busy === 'testing' && <Text size="sm">{progress.testing}</Text>}
            {progress && busy === 'saving' && <Text size="sm">{progress.saving}</Text>}
            {outcome && <OutcomeAlert outcome={outcome} />}
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

function OutcomeAlert({ outcome }: { outcome: Outcome }) {
  const success = outcome.tone === 'success';
  const Icon = success ? CircleCheck : CircleX;
  return (
    <Alert
      color={success ? 'green' : 'red'}
      icon={<Icon size={18} aria-hidden />}
      title={outcome.title}
    >
      {outcome.text}
    </Alert>
  );
}
