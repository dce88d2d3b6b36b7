import { z } from "zod";
import { LOAD_KINDS } from "../governance/workload.ts";
import { LIMITS } from "../limits.ts";
import { Abilities, IsoDate, OptionalText, RequiredText, Tags, Uuid } from "./common.ts";
import { say } from "./messages.ts";

// Tasks and workload balance (issue 5, items 6 and 7): who carries what, so that the consortium does not rest on
// the shoulders of one place or one person. The rules are in src/shared/governance/workload.ts.

export const TASK_STATUSES = ["open", "done", "cancelled"] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;

/**
 * A task's effort is typed in hours; the workload counts it in points, one point being an ordinary task of about
 * half a day (src/shared/governance/workload.ts DEFAULT_LOAD_WEIGHTS). A task without an estimate counts 1.
 */
export const HOURS_PER_POINT = 4;
export const effortPoints = (effortHours: number | null | undefined) =>
  effortHours == null ? 1 : Math.round((effortHours / HOURS_PER_POINT) * 100) / 100;

export const TASK_LIMITS = { effortHours: 1000 } as const;

/** An issue added while parsing takes its message in the language of that parse. */
const now = (fr: string, en: string) => say(fr, en).error();

const taskFields = {
  title: RequiredText(LIMITS.name),
  description: OptionalText(LIMITS.longText),
  /** A person of the directory; with no person and no organisation the task waits for someone (suggestions). */
  personId: Uuid.nullable().optional(),
  /** The organisation it is carried for; by default the person's, and a referent's own for a referent. */
  organizationId: Uuid.nullable().optional(),
  effortHours: z.number(say("Indiquez un nombre d'heures", "Give a number of hours")).nullable().optional(),
  dueOn: IsoDate.nullable().optional(),
  /** The decision of the register it carries out. */
  decisionId: Uuid.nullable().optional(),
  /** The working group (or other body) it belongs to. */
  bodyId: Uuid.nullable().optional(),
  /** What it takes: suggestions look for people who have these skills. */
  skills: Tags.optional(),
};

/** Checks what zod alone cannot say in both languages with the field's name. */
const checkTask = (t: { effortHours?: number | null }, ctx: z.RefinementCtx) => {
  if (t.effortHours != null && (t.effortHours <= 0 || t.effortHours > TASK_LIMITS.effortHours))
    ctx.addIssue({
      code: "custom",
      path: ["effortHours"],
      message: now(
        `L'effort estimé est compris entre 0 et ${TASK_LIMITS.effortHours} heures`,
        `The estimated effort lies between 0 and ${TASK_LIMITS.effortHours} hours`,
      ),
    });
};

export const CreateTaskInput = z.object(taskFields).superRefine(checkTask);
export type CreateTaskInput = z.input<typeof CreateTaskInput>;

/** Only the fields sent change; null clears a field. */
export const UpdateTaskInput = z.object({ ...taskFields, title: taskFields.title.optional() }).superRefine((t, ctx) => {
  checkTask(t, ctx);
  if (Object.values(t).every((v) => v === undefined))
    ctx.addIssue({ code: "custom", path: ["title"], message: now("Rien à changer", "Nothing to change") });
});
export type UpdateTaskInput = z.input<typeof UpdateTaskInput>;

export const TaskListQuery = z.object({
  status: TaskStatus.optional(),
  personId: Uuid.optional(),
  organizationId: Uuid.optional(),
  bodyId: Uuid.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
});
export type TaskListQuery = z.input<typeof TaskListQuery>;

const Named = z.object({ id: Uuid, name: z.string() });

export const TaskDto = z.object({
  id: Uuid,
  title: z.string(),
  description: z.string().nullable(),
  person: Named.nullable(),
  organization: Named.nullable(),
  effortHours: z.number().nullable(),
  /** What it weighs in the workload (HOURS_PER_POINT). */
  points: z.number(),
  dueOn: IsoDate.nullable(),
  /** Open and past its due day (Paris). */
  overdue: z.boolean(),
  status: TaskStatus,
  decision: z.object({ id: Uuid, title: z.string() }).nullable(),
  body: Named.nullable(),
  skills: z.array(z.string()),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
  abilities: Abilities,
});
export type TaskDto = z.infer<typeof TaskDto>;

/** What the task form offers to choose from: the consortium's people, organisations, bodies and decisions. */
export const TaskChoicesDto = z.object({
  people: z.array(Named.extend({ organizationId: Uuid.nullable(), skills: z.array(z.string()) })),
  organizations: z.array(Named.extend({ kind: z.string() })),
  bodies: z.array(Named.extend({ kind: z.string() })),
  decisions: z.array(z.object({ id: Uuid, title: z.string() })),
});
export type TaskChoicesDto = z.infer<typeof TaskChoicesDto>;

export const TaskListDto = z.object({
  items: z.array(TaskDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  choices: TaskChoicesDto,
  abilities: Abilities,
});
export type TaskListDto = z.infer<typeof TaskListDto>;

export const MyTasksDto = z.object({
  /** The signed-in user's person in this consortium's directory, if any. */
  person: Named.nullable(),
  /** Open tasks first (by due day), then the ones done in the last 30 days. */
  mine: z.array(TaskDto),
  /** For a referent: the tasks of their organisation that are not theirs. */
  organization: Named.nullable(),
  ofOrganization: z.array(TaskDto),
});
export type MyTasksDto = z.infer<typeof MyTasksDto>;

// ---------------------------------------------------------------- workload

export const LoadKind = z.enum(LOAD_KINDS as ["task", "mandate", "referent", "rotation_turn", "event"]);

const Sentence = z.object({ fr: z.string(), en: z.string() });

export const LoadRowDto = z.object({
  id: Uuid,
  name: z.string(),
  load: z.number(),
  share: z.number(),
  /** Above the threshold. */
  overloaded: z.boolean(),
  byKind: z.record(LoadKind, z.object({ count: z.number().int(), points: z.number() })),
});
export type LoadRowDto = z.infer<typeof LoadRowDto>;

export const ConcentrationDto = z.object({
  index: z.number().nullable(),
  equivalentCarriers: z.number().nullable(),
  population: z.number().int(),
});

export const WorkloadAlertDto = z.object({
  code: z.enum(["carries_too_much", "carries_nothing"]),
  scope: z.enum(["person", "organization"]),
  id: Uuid,
  name: z.string(),
  share: z.number().nullable(),
  message: Sentence,
});
export type WorkloadAlertDto = z.infer<typeof WorkloadAlertDto>;

export const SuggestionDto = z.object({
  personId: Uuid,
  name: z.string(),
  matched: z.array(z.string()),
  missing: z.array(z.string()),
  load: z.number(),
  share: z.number(),
  overloaded: z.boolean(),
  reasons: z.array(Sentence),
});
export type SuggestionDto = z.infer<typeof SuggestionDto>;

export const WorkloadSettingsDto = z.object({
  overloadShare: z.number(),
  idleMonths: z.number().int(),
  windowMonths: z.number().int(),
  weights: z.record(LoadKind, z.number()),
  hoursPerPoint: z.number(),
});

export const WorkloadDto = z.object({
  today: IsoDate,
  settings: WorkloadSettingsDto,
  total: z.number(),
  people: z.array(LoadRowDto),
  organizations: z.array(LoadRowDto),
  busiest: z.object({ person: LoadRowDto.nullable(), organization: LoadRowDto.nullable() }),
  concentration: z.object({ people: ConcentrationDto, organizations: ConcentrationDto }),
  alerts: z.array(WorkloadAlertDto),
  unassigned: z.object({ count: z.number().int(), points: z.number() }),
  /** For each open task nobody carries, the three people who could best take it. */
  suggestions: z.array(
    z.object({
      task: z.object({ id: Uuid, title: z.string(), skills: z.array(z.string()), dueOn: IsoDate.nullable() }),
      people: z.array(SuggestionDto),
    }),
  ),
  abilities: Abilities,
});
export type WorkloadDto = z.infer<typeof WorkloadDto>;

export const SuggestionsQuery = z.object({
  /** Skills separated by commas. */
  skills: z.string().trim().max(LIMITS.shortText).optional(),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export const SuggestionsDto = z.object({ items: z.array(SuggestionDto) });
export type SuggestionsDto = z.infer<typeof SuggestionsDto>;

export const WorkloadSettingsInput = z.object({
  /** 0.1 to 0.9: the share above which one person or organisation carries too much. */
  overloadShare: z
    .number(say("Indiquez une part", "Give a share"))
    .min(0.1, say("Entre 10 % et 90 %", "Between 10% and 90%"))
    .max(0.9, say("Entre 10 % et 90 %", "Between 10% and 90%")),
  idleMonths: z
    .number(say("Indiquez un nombre de mois", "Give a number of months"))
    .int(say("Un nombre entier de mois", "A whole number of months"))
    .min(1, say("Entre 1 et 60 mois", "Between 1 and 60 months"))
    .max(60, say("Entre 1 et 60 mois", "Between 1 and 60 months")),
});
export type WorkloadSettingsInput = z.input<typeof WorkloadSettingsInput>;
