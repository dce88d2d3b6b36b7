import { and, eq } from "drizzle-orm";
import { addDays, parisDate } from "../../shared/agenda/time.ts";
import type { Db } from "../db/client.ts";
import { bodies, consortia, organizations, people } from "../db/schema/index.ts";
import { completeTask, createTask } from "../modules/governance/tasks.service.ts";
import { coordinatorCtx } from "./demo-ctx.ts";

// The demo's tasks: what the Val d'Aurèze network has on its plate this season. Most of it rests on Claire Dumas,
// the coordinator, which is exactly what the workload page is there to show (« éviter que le consortium ne repose
// sur les épaules d'une seule personne »); a few tasks wait for someone, with the skills they need.

interface DemoTask {
  title: string;
  description?: string;
  /** "Prénom Nom" of the directory; absent: nobody yet. */
  person?: string;
  /** The organisation's name, when it is not the person's. */
  organization?: string;
  effortHours?: number;
  /** Days from today; negative: overdue. */
  due?: number;
  group?: string;
  skills?: string[];
  done?: boolean;
}

const TASKS: DemoTask[] = [
  {
    title: "Dossier de subvention FEDER « tiers-lieux en réseau »",
    description: "Budget, plan de financement et lettres de soutien des communes ; dépôt sur la plateforme régionale.",
    person: "Claire Dumas",
    effortHours: 40,
    due: 21,
    skills: ["financements publics", "montage de projets"],
  },
  {
    title: "Convention de consortium 2026-2028",
    description: "Relire la convention avec chaque lieu membre, intégrer les remarques du comité de pilotage.",
    person: "Claire Dumas",
    effortHours: 24,
    due: 35,
    skills: ["gouvernance partagée"],
  },
  {
    title: "Organisation de la tournée apprenante de printemps",
    description: "Itinéraire, transport, repas et inscriptions des élus invités.",
    person: "Claire Dumas",
    effortHours: 28,
    due: 60,
  },
  {
    title: "Bilan d'activité annuel pour la CAF",
    person: "Claire Dumas",
    effortHours: 16,
    due: -3,
    skills: ["financements publics"],
  },
  {
    title: "Préparer l'assemblée générale des associés",
    description: "Convocations, ordre du jour, pouvoirs et feuille d'émargement.",
    person: "Claire Dumas",
    effortHours: 16,
    due: 45,
  },
  {
    title: "Appel à projets « Fabriques de territoire » (ANCT)",
    description: "Note d'intention et budget pour le volet numérique de La Grange.",
    person: "Claire Dumas",
    effortHours: 16,
    due: 14,
    skills: ["montage de projets"],
  },
  {
    title: "Certification Qualiopi : rassembler les preuves",
    description: "Indicateurs 1 à 32 : preuves du parcours de formation commun pour l'audit de surveillance.",
    person: "Élodie Marchand",
    effortHours: 16,
    due: 50,
    group: "Groupe de travail formation",
    skills: ["formation", "ingénierie pédagogique"],
  },
  {
    title: "Catalogue des formations de l'automne",
    person: "Aurélie Caron",
    effortHours: 8,
    due: 40,
    group: "Groupe de travail formation",
  },
  {
    title: "Recenser les locaux vacants de la vallée",
    person: "Jean-Marc Roussel",
    effortHours: 8,
    due: 30,
    group: "Groupe de travail foncier",
  },
  {
    title: "Comptes de la SCIC : clôture de l'exercice",
    person: "Sophie Lefèvre",
    effortHours: 12,
    due: 25,
    skills: ["comptabilité"],
  },
  {
    title: "Animer le séminaire annuel des lieux",
    person: "Mehdi Benali",
    effortHours: 8,
    due: 70,
    skills: ["facilitation"],
  },
  {
    title: "Agencer l'espace d'accueil de l'atelier partagé",
    person: "Julien Faure",
    effortHours: 8,
    due: 28,
    skills: ["menuiserie", "agencement"],
  },
  {
    title: "Affiche et programme de la fête du réseau",
    description: "Une affiche A3, un programme plié et les visuels pour les réseaux sociaux.",
    effortHours: 12,
    due: 40,
    skills: ["graphisme", "mise en page"],
  },
  {
    title: "Cartographie en ligne des lieux et des ressources",
    effortHours: 16,
    due: 90,
    skills: ["cartographie", "développement web"],
  },
  {
    title: "Réparer la sono partagée avant la saison",
    organization: "Le Moulin des Arts",
    effortHours: 4,
    due: 20,
    skills: ["régie son", "électricité"],
  },
  {
    title: "Envoyer la lettre d'information de l'hiver",
    person: "Claire Dumas",
    effortHours: 4,
    due: -20,
    done: true,
  },
];

/** Made through the task service, as the coordinator, so that the activity feed tells the same story. */
export async function seedDemoTasks(db: Db, consortiumSlug: string, coordinatorUserId: string) {
  const ctx = await coordinatorCtx(db, consortiumSlug, coordinatorUserId);
  const [consortium] = await db.select({ id: consortia.id }).from(consortia).where(eq(consortia.slug, consortiumSlug));
  const cid = consortium.id;
  const persons = await db.select().from(people).where(eq(people.consortiumId, cid));
  const personId = (name: string) => persons.find((p) => `${p.firstName} ${p.lastName}` === name)?.id ?? null;
  const orgs = await db.select().from(organizations).where(eq(organizations.consortiumId, cid));
  const groups = await db
    .select()
    .from(bodies)
    .where(and(eq(bodies.consortiumId, cid)));
  const today = parisDate(ctx.now);
  for (const t of TASKS) {
    const task = await createTask(ctx, {
      title: t.title,
      description: t.description ?? null,
      personId: t.person ? personId(t.person) : null,
      organizationId: t.organization ? (orgs.find((o) => o.name === t.organization)?.id ?? null) : undefined,
      effortHours: t.effortHours ?? null,
      dueOn: t.due !== undefined ? addDays(today, t.due) : null,
      bodyId: t.group ? (groups.find((g) => g.name === t.group)?.id ?? null) : null,
      skills: t.skills ?? [],
    });
    if (t.done) await completeTask(ctx, task.id);
  }
}
