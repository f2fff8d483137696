/**
 * The typical sub-industries of each knowledge-base industry (knowledge/segments.yaml), as the
 * build validated them (knowledge/segmentsSchema.ts, checked by validateData.ts): loading them is
 * a JSON.parse, with no zod at run time.
 */
import loadSegments from '../knowledge/segments.yaml';
import type { z } from '../zod';
import type { SegmentsFileSchema } from '../knowledge/segmentsSchema';

/** Segments by industry id. */
export function industrySegments(): Record<string, string[]> {
  return (loadSegments() as z.output<typeof SegmentsFileSchema>).segments;
}
