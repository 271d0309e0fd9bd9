import type { CustomFieldChoice } from '@shared/contract';
import { type ConnectWiseClient, ConnectWiseError, where } from '../connectwise';
import { AppError } from '../errors';

/** The screens ConnectWise files custom fields under, for the records markers are written on. */
const screens = { addition: 'AgreementAddition', agreement: 'Agreement' } as const;
export type MarkedRecord = keyof typeof screens;

/**
 * Text custom fields typed in by hand, per record kind: the fields a marker can be written to
 * (a list or a checkbox cannot hold one).
 */
export async function markerFieldChoices(
  client: ConnectWiseClient,
): Promise<Record<MarkedRecord, CustomFieldChoice[]>> {
  const fields = await client.userDefinedFields.all({
    conditions: `${where.eq('fieldTypeIdentifier', 'Text')}`,
    fields: ['id', 'caption', 'screenId', 'fieldTypeIdentifier', 'entryTypeIdentifier'],
  });
  const usable = (screen: string) =>
    fields
      .filter(
        (field) =>
          field.screenId === screen &&
          field.fieldTypeIdentifier === 'Text' &&
          (field.entryTypeIdentifier ?? 'EntryField') === 'EntryField',
      )
      .map(({ id, caption }) => ({ id, caption }))
      .sort((a, b) => a.caption.localeCompare(b.caption));
  return { addition: usable(screens.addition), agreement: usable(screens.agreement) };
}

/**
 * The field the user chose, if ConnectWise still lists it and answers a search by it: the app
 * finds what it posted only through that search (docs/posting-rules.md §3.2).
 */
export async function checkedMarkerField(
  client: ConnectWiseClient,
  record: MarkedRecord,
  fieldId: number,
): Promise<CustomFieldChoice> {
  const choices = (await markerFieldChoices(client))[record];
  const field = choices.find((choice) => choice.id === fieldId);
  const what = record === 'addition' ? 'Additions' : 'Agreements';
  if (!field) {
    throw new AppError(
      'Validation Error',
      `ConnectWise has no text custom field with id ${fieldId} on ${what}. Refresh the list and choose again.`,
    );
  }
  const search = `${where.eq('caption', field.caption)} AND ${where.eq('value', 'PLT:check')}`;
  try {
    const [agreement] = await client.agreements.list({ fields: ['id', 'name'], pageSize: 1 });
    if (record === 'agreement') {
      await client.agreements.list({
        customFieldConditions: search,
        fields: ['id', 'name'],
        pageSize: 1,
      });
    } else if (agreement) {
      await client.additions.list(agreement.id, {
        customFieldConditions: search,
        fields: ['id'],
        pageSize: 1,
      });
    }
  } catch (error) {
    if (error instanceof ConnectWiseError && error.kind === 'Validation Error') {
      throw new AppError(
        'Validation Error',
        `ConnectWise did not accept a search of ${what} by "${field.caption}", so the app could not find what it posted. Keep "Serial Number" or choose another field.`,
      );
    }
    throw error;
  }
  return field;
}
