/**
 * The schema of timelines.yaml: the implementation timeline's phase templates, the order in which
 * core systems and industries select them, and the regulated-testing phase (等保测评, 密评) with where
 * each template takes it. Validated at build time with the rest of the knowledge base
 * (validateData.ts); that the category and industry ids exist and the template ids are unique is
 * checked by checkKnowledgeIntegrity (integrity.ts). engine/plan/timeline.ts reads it.
 */
import { z } from '../zod';
import { TraitSchema } from './schema';

const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are kebab-case ascii');
const NonEmpty = z.string().min(1);
/** A phase's length: whole weeks, at least one (the Gantt chart has no empty bars). */
const Weeks = z.number().int().positive();

/**
 * The entry in a template's phases that marks where the regulated-testing phase goes: after the
 * system the tests assess is built and cut over (等保测评 assesses the system as it runs).
 */
const TESTING_MARKER = 'regulated-testing';
/**
 * The entry that marks where a test that must pass before the system goes into operation goes
 * (密评: 建设完成后、投入运行前), when the template has one go-live after the build; without it such
 * a test joins the regulated-testing phase.
 */
const PRE_OPERATION_MARKER = 'pre-operation-testing';
const MARKERS: readonly unknown[] = [TESTING_MARKER, PRE_OPERATION_MARKER];

const PhaseSchema = z
  .object({
    name: NonEmpty,
    /** The shortest length, in weeks (what a tight deadline may press the phase to). */
    min: Weeks,
    /** The usual length, in weeks. */
    typical: Weeks,
    deliverables: z.array(NonEmpty).min(1),
  })
  .strict()
  .refine((p) => p.min <= p.typical, 'min must not exceed typical');

/**
 * A phase, or the testing marker. zod's own message for an entry that is neither is "Invalid
 * input": say what is expected, and for an object what is wrong with it as a phase.
 */
const PhaseEntrySchema = z.union([PhaseSchema, z.literal(TESTING_MARKER), z.literal(PRE_OPERATION_MARKER)], {
  error: (issue) => {
    const asPhase = typeof issue.input === 'object' && issue.input !== null ? PhaseSchema.safeParse(issue.input) : undefined;
    const why = asPhase?.error?.issues.map((i) => `${i.path.join('.') || 'phase'}: ${i.message}`).join('; ');
    return `expected a phase { name, min, typical, deliverables }, "${TESTING_MARKER}" or "${PRE_OPERATION_MARKER}"${why ? ` (${why})` : ''}`;
  },
});

const TemplateSchema = z
  .object({
    id: Id,
    /** Category ids: the template applies when the in-scope core system is one of them. */
    coreSystems: z.array(Id).min(1).optional(),
    /** Industry ids: the template applies when the intake's industry is one of them. */
    industries: z.array(Id).min(1).optional(),
    /**
     * Traits the intake must all have: the template applies before the industry's and before the
     * template of a system the plan leads with (a school moving to the cloud is a cloud migration).
     */
    traits: z.array(TraitSchema).min(1).optional(),
    phases: z.array(PhaseEntrySchema).min(1),
    /** A sentence added to the timeline's statement. */
    note: NonEmpty.optional(),
  })
  .strict()
  .refine((t) => t.phases.some((p) => !MARKERS.includes(p)), 'a template needs at least one phase besides the testing markers')
  .refine((t) => t.phases.filter((p) => p === TESTING_MARKER).length <= 1, `"${TESTING_MARKER}" at most once per template`)
  .refine((t) => t.phases.filter((p) => p === PRE_OPERATION_MARKER).length <= 1, `"${PRE_OPERATION_MARKER}" at most once per template`)
  // The test before operation comes before the one of the system in operation, and only with it.
  .refine((t) => !t.phases.includes(PRE_OPERATION_MARKER) || t.phases.indexOf(PRE_OPERATION_MARKER) < t.phases.indexOf(TESTING_MARKER), `"${PRE_OPERATION_MARKER}" only before "${TESTING_MARKER}"`);

/** The tests of a regulated project, by the flag engine/generate.ts sets when each applies. */
const TestingWindowSchema = z
  .object({
    when: z.enum(['mlps', 'crypto']),
    name: NonEmpty,
    deliverable: NonEmpty,
    /** The test passes before the system goes into operation: at the template's pre-operation marker when it has one. */
    beforeOperation: z.boolean().optional(),
    /** What the test asks for before the build (密码应用方案评审): a deliverable of the template's first phase. */
    plan: NonEmpty.optional(),
  })
  .strict();

const RegulatedTestingSchema = z
  .object({
    windows: z.array(TestingWindowSchema).min(1),
    /** {windows}: the names of the tests that apply, joined with 、. */
    name: z.string().includes('{windows}', 'the name says where the tests go: {windows}'),
    deliverables: z.array(NonEmpty),
    min: Weeks,
    typical: Weeks,
  })
  .strict()
  .refine((t) => t.min <= t.typical, 'min must not exceed typical')
  .refine((t) => new Set(t.windows.map((w) => w.when)).size === t.windows.length, 'each test (when) at most once');

export const TimelinesFileSchema = z
  .object({
    /** In order of precedence; the last selects every intake (the default). */
    templates: z.array(TemplateSchema).min(1),
    regulatedTesting: RegulatedTestingSchema,
  })
  .strict()
  .superRefine((file, ctx) => {
    // Selection is by position: a template after one that selects everything could never be used.
    file.templates.forEach((t, i) => {
      const selects = t.coreSystems !== undefined || t.industries !== undefined || t.traits !== undefined;
      const last = i === file.templates.length - 1;
      if (last && selects) ctx.addIssue({ code: 'custom', path: ['templates', i], message: 'the last template is the default: it gives no coreSystems, industries or traits' });
      if (!last && !selects) ctx.addIssue({ code: 'custom', path: ['templates', i], message: 'only the last template may be the default: give coreSystems, industries or traits' });
    });
  });

export type Timelines = z.output<typeof TimelinesFileSchema>;
export type TimelineTemplate = Timelines['templates'][number];
