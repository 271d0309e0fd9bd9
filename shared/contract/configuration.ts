/** Settings › Configuration. */
import { z } from 'zod';
import { ChargeDateConfigurationSchema } from '../chargeDateConfiguration';

export const AgreementTypeChoice = z.object({ id: z.number().int().positive(), name: z.string() });
export type AgreementTypeChoice = z.infer<typeof AgreementTypeChoice>;

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
});
export type SavedConfiguration = z.output<typeof SavedConfiguration>;

export const configurationChannels = {
  /** The saved configuration, or null before the first "Save Configuration". */
  'configuration.get': { input: z.undefined(), output: SavedConfiguration.nullable() },
  /** Active agreement types from ConnectWise, for the "Agreement Type" dropdown. */
  'configuration.agreementTypes': { input: z.undefined(), output: z.array(AgreementTypeChoice) },
  /** Validates (the Agreement Type must exist in ConnectWise), saves a new version, logs it. */
  'configuration.save': { input: ConfigurationInput, output: SavedConfiguration },
} as const;
