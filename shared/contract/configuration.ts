/** Settings › Configuration. */
import { z } from 'zod';
import { ChargeDateConfigurationSchema } from '../chargeDateConfiguration';

export const AgreementTypeChoice = z.object({ id: z.number().int().positive(), name: z.string() });
export type AgreementTypeChoice = z.infer<typeof AgreementTypeChoice>;

/** A ConnectWise custom field, as the "Marker field" choices list it. */
export const CustomFieldChoice = z.object({ id: z.number().int().positive(), caption: z.string() });
export type CustomFieldChoice = z.infer<typeof CustomFieldChoice>;

/** Where each Addition's identity marker is written (docs/posting-rules.md §3.2). */
export const AdditionMarkerField = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('serialNumber') }).strict(),
  z.object({ kind: z.literal('customField'), field: CustomFieldChoice }).strict(),
]);
export type AdditionMarkerField = z.infer<typeof AdditionMarkerField>;

/** How a change to a recurring Addition is written (docs/posting-rules.md §1.3). */
export const RecurringChanges = z.enum(['update', 'keepHistory']);
export type RecurringChanges = z.infer<typeof RecurringChanges>;

/** The posting options as saved; a configuration saved before they existed gets the defaults. */
const postingOptions = {
  additionMarkerField: AdditionMarkerField.default({ kind: 'serialNumber' }),
  /** null: the first line of the Agreement's internal notes. */
  agreementMarkerField: CustomFieldChoice.nullable().default(null),
  recurringChanges: RecurringChanges.default('update'),
};

/**
 * What "Save Configuration" sends. The Agreement Type is required; its name is taken from
 * ConnectWise when saving, so only the id matters here.
 */
export const ConfigurationInput = z
  .object({
    agreementTypeId: z
      .number({ error: 'Select an Agreement Type.' })
      .int()
      .positive('Select an Agreement Type.'),
    endDateRules: ChargeDateConfigurationSchema.shape.endDateRules,
    startDateRules: ChargeDateConfigurationSchema.shape.startDateRules,
    customChargeTypeNames: ChargeDateConfigurationSchema.shape.customChargeTypeNames,
    autoSync: z.boolean(),
    /** Custom fields by id; their captions are taken from ConnectWise when saving. */
    additionMarkerFieldId: z.number().int().positive().nullable().default(null),
    agreementMarkerFieldId: z.number().int().positive().nullable().default(null),
    recurringChanges: RecurringChanges.default('update'),
  })
  .strict();
export type ConfigurationInput = z.input<typeof ConfigurationInput>;

/** A saved configuration. Every save gets the next version; sync runs record the one they used. */
export const SavedConfiguration = z.object({
  version: z.number().int().positive(),
  savedAt: z.string(),
  agreementType: AgreementTypeChoice,
  endDateRules: ChargeDateConfigurationSchema.shape.endDateRules,
  startDateRules: ChargeDateConfigurationSchema.shape.startDateRules,
  customChargeTypeNames: ChargeDateConfigurationSchema.shape.customChargeTypeNames,
  autoSync: z.boolean(),
  ...postingOptions,
});
export type SavedConfiguration = z.output<typeof SavedConfiguration>;

export const configurationChannels = {
  /** The saved configuration, or null before the first "Save Configuration". */
  'configuration.get': { input: z.undefined(), output: SavedConfiguration.nullable() },
  /** Active agreement types from ConnectWise, for the "Agreement Type" dropdown. */
  'configuration.agreementTypes': { input: z.undefined(), output: z.array(AgreementTypeChoice) },
  /** Text custom fields the ConnectWise site defines for Additions and for Agreements. */
  'configuration.markerFields': {
    input: z.undefined(),
    output: z.object({
      addition: z.array(CustomFieldChoice),
      agreement: z.array(CustomFieldChoice),
    }),
  },
  /**
   * Validates (the Agreement Type must exist in ConnectWise; a marker field must be a text
   * custom field ConnectWise can search by), saves a new version, logs it.
   */
  'configuration.save': { input: ConfigurationInput, output: SavedConfiguration },
} as const;
