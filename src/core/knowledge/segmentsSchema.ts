/**
 * The schema of segments.yaml: the typical sub-industries (细分领域) of each industry, by the
 * industry's id. Intake: New Intake fills a template's 细分领域 placeholder with them; the engine
 * never reads them. Validated at build time with the rest of the knowledge base (validateData.ts),
 * which also checks that every key names an industry of industries.yaml.
 */
import { z } from '../zod';

const Segment = z.string().min(1).regex(/^[^/]+$/, 'no "/" inside a segment: placeholder options are separated by "/"');

export const SegmentsFileSchema = z.object({ segments: z.record(z.string().min(1), z.array(Segment).min(2)) }).strict();
