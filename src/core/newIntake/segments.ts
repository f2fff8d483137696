/**
 * The typical sub-industries of each knowledge-base industry (segments.yaml), checked with zod
 * on first use. Kept beside the New Intake builder rather than in the knowledge base: they
 * only seed a template's 细分领域 placeholder, the engine never reads them.
 */
import { z } from '../zod';
import data from './segments.yaml';

const Segment = z.string().min(1).regex(/^[^/]+$/, 'no "/" inside a segment: placeholder options are separated by "/"');

export const SegmentsFileSchema = z.object({ segments: z.record(z.string().min(1), z.array(Segment).min(2)) }).strict();

let parsed: Record<string, string[]> | undefined;

/** Segments by industry id. */
export function industrySegments(): Record<string, string[]> {
  return (parsed ??= SegmentsFileSchema.parse(data).segments);
}
