/**
 * The gazetteer's data beyond the provinces: `districts.yaml` (the units below the provinces,
 * by province) and `places.yaml` (the country, regions, ministries and departments). Loaded
 * with the rule directory (src/rules/load.ts); validated here.
 */
import { z } from 'zod';

export const DISTRICT_TYPES = ['huyện', 'quận', 'thị xã', 'thành phố'] as const;

export const DistrictsSchema = z.record(
  z.string().min(1),
  z.array(z.strictObject({ name: z.string().min(1), type: z.enum(DISTRICT_TYPES) })),
);

export const PlacesSchema = z.strictObject({
  country: z.array(z.string().min(1)).default([]),
  regions: z.array(z.string().min(1)).default([]),
  sectors: z.array(z.strictObject({ name: z.string().min(1), short: z.array(z.string().min(1)).default([]) })).default([]),
  bodies: z.array(z.string().min(1)).default([]),
});

export interface District {
  name: string;
  type: (typeof DISTRICT_TYPES)[number];
  /** Canonical name of the province it was in (before the 2025 reform). */
  province: string;
}

export interface GazetteerData {
  districts: District[];
  places: z.infer<typeof PlacesSchema>;
}

export const EMPTY_GAZETTEER: GazetteerData = { districts: [], places: { country: [], regions: [], sectors: [], bodies: [] } };
