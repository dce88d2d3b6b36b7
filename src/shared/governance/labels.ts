// Words for people: every code the governance rules answer with, every phase, and the sentences that state a
// result, in French (first) and English. The rules never build sentences; this file is the only place that does.

import type { AdviceIssueCode, AdvicePhase } from "./advice.ts";
import type { CollegeIssueCode, ShareRow } from "./colleges.ts";
import type { ConsentIssueCode, ConsentPhase } from "./consent.ts";
import type { ElectionIssueCode, ElectionPhase } from "./election.ts";
import { fraction, parseFraction, toPercentString } from "./fraction.ts";
import type { Issue, IssueParams } from "./issues.ts";
import type { AttendanceStatus, ProxyIssueCode, QuorumIssueCode, QuorumStatus } from "./quorum.ts";
import type { Choice, Counting, GroupBreakdown, TallyIssueCode, TallyResult, Threshold } from "./tally.ts";
import type { RecountIssueCode, VoteIssueCode } from "./vote.ts";
import type { LoadKind, SuggestionReasonCode, WorkloadAlertCode } from "./workload.ts";

export type Locale = "fr" | "en";

export type GovernanceCode =
  | CollegeIssueCode
  | TallyIssueCode
  | ProxyIssueCode
  | QuorumIssueCode
  | VoteIssueCode
  | RecountIssueCode
  | ConsentIssueCode
  | ElectionIssueCode
  | AdviceIssueCode
  | WorkloadAlertCode
  | SuggestionReasonCode;

/** Turns a person or organisation id into a name; ids are shown as they are without it. */
export type NameOf = (id: string) => string;

/**
 * A share for people: fraction text ("11/20") or a number (0.55) → "55 %" / "55%". One decimal, trailing zeros
 * dropped; `digits` for breakdown tables.
 */
export function percent(value: string | number, locale: Locale = "fr", digits = 1): string {
  const f =
    typeof value === "number" ? fraction(Math.round(value * 1_000_000), 1_000_000) : (parseFraction(value) ?? fraction(0));
  return toPercentString(f, { digits, locale });
}

/** Whole numbers with French or English digit grouping (1 000 / 1,000). */
const count = (n: number, locale: Locale) => new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB").format(n);

const str = (v: string | number | undefined) => (v === undefined ? "" : String(v));
const plural = (n: number | string | undefined, one: string, many: string) => (Number(n) > 1 ? many : one);

type Phrase = (p: IssueParams, l: Locale) => string;

const pc = (v: string | number | undefined, l: Locale) => (v === undefined || v === "" ? "?" : percent(v, l));

const FR: Record<GovernanceCode, Phrase> = {
  // colleges and associates
  college_count_too_low: (p) => `Il faut au moins ${p.min} collèges de vote ; les statuts n'en prévoient que ${p.count}.`,
  college_count_too_high: (p) =>
    `Il ne peut pas y avoir plus de ${p.max} collèges de vote ; les statuts en prévoient ${p.count}.`,
  college_duplicate_id: (p) => `Le collège « ${p.college} » apparaît deux fois.`,
  college_name_missing: (p) => `Le collège n° ${p.index} n'a pas de nom.`,
  college_weight_missing: (p) => `Indiquez la part des voix du collège ${p.college}.`,
  college_weight_unreadable: (p) =>
    `La part des voix du collège ${p.college} (« ${p.text} ») n'est pas lisible : écrivez par exemple 30 %, 0,3 ou 3/10.`,
  college_weight_unexpected: (p) =>
    `Le collège ${p.college} a une part des voix alors que les statuts ne pondèrent pas les collèges : retirez-la ou choisissez des pondérations.`,
  college_weight_below_min: (p, l) =>
    `Le collège ${p.college} détiendrait ${pc(p.weight, l)} des voix : chaque collège doit en détenir entre ${pc(p.min, l)} et ${pc(p.max, l)}.`,
  college_weight_above_max: (p, l) =>
    `Le collège ${p.college} détiendrait ${pc(p.weight, l)} des voix : chaque collège doit en détenir entre ${pc(p.min, l)} et ${pc(p.max, l)}.`,
  college_weights_sum: (p, l) => `Les parts des collèges totalisent ${pc(p.sum, l)} : elles doivent faire 100 % ensemble.`,
  associate_duplicate_id: (p) => `${p.associate} figure deux fois parmi les associés.`,
  associate_unknown_college: (p) => `${p.associate} est rattaché·e à un collège qui n'existe pas (${p.college}).`,
  associate_without_college: (p) => `${p.associate} n'est rattaché·e à aucun collège : chaque associé vote dans un collège.`,
  associate_capital_invalid: (p) => `Le capital détenu par ${p.associate} doit être un montant positif, en euros et centimes.`,
  public_capital_above_cap: (p, l) =>
    `Les collectivités détiendraient ensemble ${pc(p.share, l)} du capital : la loi limite leur part à ${pc(p.max, l)}.`,
  category_count_too_low: (p) => `Une SCIC compte au moins ${p.min} catégories d'associés ; il n'y en a que ${p.count}.`,
  category_beneficiaries_missing: () =>
    "Il manque la catégorie des bénéficiaires (usagers, habitants…), obligatoire dans une SCIC.",
  category_employees_missing: () => "Il manque la catégorie des salariés, obligatoire dans une SCIC qui emploie du personnel.",
  category_producers_missing: () =>
    "Sans salariés, une SCIC doit avoir une catégorie de producteurs des biens ou services qu'elle propose.",
  // tally and vote
  tally_no_group: () => "Ce vote n'a aucun votant.",
  tally_duplicate_group: (p) => `Le groupe « ${p.group} » apparaît deux fois dans le décompte.`,
  tally_count_invalid: (p) => `Les nombres de voix du groupe « ${p.group} » doivent être des entiers positifs.`,
  tally_more_ballots_than_members: (p) =>
    `Le groupe « ${p.group} » compte ${p.ballots} bulletins pour ${p.members} membres : il ne peut pas y en avoir plus que de votants.`,
  tally_weight_missing: (p) => `Le collège ${p.group} n'a pas de part des voix : le vote pondéré en a besoin.`,
  tally_weight_invalid: (p) => `La part des voix du collège ${p.group} (« ${p.text} ») doit être un nombre positif.`,
  vote_closed: () => "Ce vote est clos : son résultat ne peut plus changer.",
  vote_not_a_member: (p) => `${p.member} ne fait pas partie des votants de cette instance.`,
  vote_not_entitled: (p) => `Sans pouvoir signé par ${p.member}, ${p.by} ne peut pas voter en son nom.`,
  vote_no_college: (p) => `${p.member} n'est rattaché·e à aucun collège : le vote pondéré par collège est impossible.`,
  vote_setup_invalid: () => "Ce vote n'a aucun votant.",
  recount_result_differs: () => "Le recomptage ne donne pas le résultat enregistré.",
  recount_ballots_differ: (p) => `Les bulletins enregistrés ne correspondent pas aux totaux du groupe « ${p.group} ».`,
  recount_voters_differ: () => "La liste d'émargement ne correspond pas au nombre de bulletins.",
  recount_input_invalid: () => "Les données enregistrées de ce vote sont incomplètes : il ne peut pas être recompté.",
  // proxies and quorum
  proxy_unknown_member: (p) => `${p.from} n'est pas membre de cette instance : son pouvoir ne peut pas être pris en compte.`,
  proxy_unknown_holder: (p) => `${p.to} n'est pas membre de cette instance : seul un membre peut recevoir un pouvoir.`,
  proxy_self: (p) => `${p.from} ne peut pas se donner pouvoir à soi-même.`,
  proxy_duplicate: (p) => `${p.from} a déjà donné un pouvoir : un seul est possible.`,
  proxy_chain: (p) =>
    `${p.to} a donné son propre pouvoir et ne peut donc pas recevoir celui que donne ${p.from} : pas de pouvoir en cascade.`,
  proxy_holder_absent: (p) => `${p.to} n'est pas présent·e : le pouvoir que donne ${p.from} doit aller à une personne présente.`,
  proxy_limit: (p) =>
    `${p.to} détient déjà ${p.max} ${plural(p.max, "pouvoir", "pouvoirs")}, le maximum : le pouvoir que donne ${p.from} n'est pas pris en compte.`,
  quorum_rule_unreadable: (p) =>
    `Le quorum de ${p.call === 1 ? "première" : "seconde"} convocation (« ${p.text} ») doit être une part comprise entre 0 et 100 %.`,
  quorum_weight_missing: (p) => `Le quorum pondéré demande une part des voix pour le collège ${p.college}.`,
  // consent, election and advice
  circle_too_small: () => "Il faut au moins deux participants pour décider ensemble.",
  carrier_not_in_circle: (p) => `Le porteur ou la porteuse de la proposition (${p.who}) doit faire partie du cercle.`,
  already_participant: (p) => `${p.who} fait déjà partie du cercle.`,
  not_participant: (p) => `${p.who} ne fait pas partie du cercle.`,
  carrier_cannot_leave: () => "Le porteur ou la porteuse ne peut pas quitter le cercle : retirez plutôt la proposition.",
  wrong_phase: () => "Ce n'est pas le moment de cette étape.",
  decision_closed: () => "Cette décision est close.",
  election_closed: () => "Cette élection est close.",
  advice_closed: () => "Cette sollicitation d'avis est close.",
  not_carrier: () => "Seul le porteur ou la porteuse de la proposition peut faire cela.",
  not_facilitator: () => "Seul le facilitateur ou la facilitatrice peut faire cela.",
  not_author: () => "Seul l'auteur ou l'autrice de la proposition peut faire cela.",
  not_in_round: (p) => `${p.who} est arrivé·e pendant ce tour : sa parole viendra au tour suivant.`,
  carrier_takes_no_turn: () => "Le porteur ou la porteuse répond aux questions mais ne prend pas de tour de parole.",
  already_spoke: (p) => `${p.who} a déjà pris la parole dans ce tour.`,
  text_missing: () => "Ce texte ne peut pas être vide.",
  text_unchanged: () => "Le texte modifié est identique au précédent.",
  objection_without_argument: () =>
    "Une objection doit être argumentée : en quoi la proposition nuit-elle au projet ou dépasse-t-elle une limite ?",
  round_incomplete: (p) => `Le tour n'est pas terminé : il reste à entendre ${p.missing}.`,
  objections_stand: (p) =>
    `${p.count} ${plural(p.count, "objection est encore levée", "objections sont encore levées")} : on ne peut pas conclure tant qu'elles ne sont pas traitées.`,
  unknown_turn: () => "Cette question n'existe pas.",
  unknown_objection: () => "Cette objection n'existe pas.",
  objection_not_standing: () => "Cette objection a déjà été traitée.",
  not_objector: (p) => `Seule la personne qui a levé l'objection (${p.objector}) peut la retirer.`,
  no_objection_named: () => "Indiquez la ou les objections que cette modification intègre.",
  invalid_day: (p) => `« ${p.text} » n'est pas une date valide (AAAA-MM-JJ).`,
  role_missing: () => "Décrivez d'abord le rôle : nom, mission, critères et durée du mandat.",
  role_incomplete: (p) =>
    ({
      name: "Donnez un nom au rôle.",
      mission: "Décrivez la mission du rôle.",
      criteria: "Indiquez au moins une qualité attendue pour ce rôle.",
    })[str(p.field)] ?? "La description du rôle est incomplète.",
  mandate_end_before_start: () => "La fin du mandat doit venir après son début.",
  not_elector: (p) => `${p.who} n'a pas de bulletin dans cette élection.`,
  already_nominated: (p) => `${p.who} a déjà proposé quelqu'un : un seul nom par personne.`,
  nominee_not_in_circle: (p) => `${p.who} ne fait pas partie du cercle : on ne peut proposer qu'un membre du cercle.`,
  reason_missing: () => "Dites pourquoi cette personne correspond au rôle.",
  nominations_missing: (p) => `Tout le monde propose un nom, sans abstention ; bulletins attendus : ${p.missing}.`,
  already_changed: (p) => `${p.who} a déjà changé son vote.`,
  nominee_not_nominated: (p) =>
    `${p.who} n'a été proposé·e par personne : on ne peut reporter sa voix que sur une personne déjà nommée.`,
  same_nominee: (p) => `Le vote est déjà pour ${p.who}.`,
  nominee_without_votes: (p) => `${p.who} n'a aucune voix : proposez une personne nommée par le cercle.`,
  nominee_speaks_last: () => "La personne proposée s'exprime en dernier, après avoir entendu tout le monde.",
  author_cannot_advise: () => "On ne se donne pas d'avis à soi-même.",
  already_requested: (p) => `Un avis a déjà été demandé à ${p.who}.`,
  not_requested: (p) => `Aucun avis n'a été demandé à ${p.who}.`,
  already_answered: (p) => `${p.who} a déjà répondu.`,
  unknown_advice: () => "Cet avis n'existe pas.",
  no_advice_requested: () => "Avant de décider, demandez l'avis des personnes concernées et des personnes compétentes.",
  advice_pending: (p) =>
    p.until
      ? `Des avis sont attendus (${p.who}) : vous pourrez décider après le ${p.until}, ou dès qu'ils auront répondu.`
      : `Des avis sont attendus (${p.who}) : vous pourrez décider dès qu'ils auront répondu.`,
  advice_unanswered: (p) => `Répondez d'abord à chaque avis reçu ; restent sans réponse les avis donnés par ${p.who}.`,
  // workload
  carries_too_much: (p, l) =>
    `${p.name} porte ${pc(p.share, l)} de la charge, au-delà du seuil de ${pc(p.threshold, l)} : le collectif repose trop sur ses épaules.`,
  carries_nothing: (p) =>
    p.lastActivity
      ? `${p.name} ne porte plus rien depuis le ${p.lastActivity} (plus de ${p.months} mois).`
      : `${p.name} n'a rien porté depuis au moins ${p.months} mois.`,
  skills_match: (p) => `A ${plural(p.count, "la compétence demandée", "les compétences demandées")} : ${p.skills}.`,
  skills_partial: (p) => `A ${p.count} des ${p.of} compétences demandées (${p.skills}) ; il manque : ${p.lacking}.`,
  no_skill_match: () => "N'a aucune des compétences demandées.",
  no_skill_required: () => "Aucune compétence particulière n'est demandée.",
  current_load: (p, l) => `Porte déjà ${p.load} ${plural(p.load, "point", "points")} de charge (${pc(p.share, l)} du total).`,
  carries_nothing_yet: () => "Ne porte rien en ce moment.",
  above_threshold: (p, l) => `Attention : porte déjà ${pc(p.share, l)} de la charge, au-delà du seuil de ${pc(p.threshold, l)}.`,
};

const EN: Record<GovernanceCode, Phrase> = {
  college_count_too_low: (p) => `There must be at least ${p.min} voting colleges; the statutes have only ${p.count}.`,
  college_count_too_high: (p) => `There can be no more than ${p.max} voting colleges; the statutes have ${p.count}.`,
  college_duplicate_id: (p) => `The college "${p.college}" appears twice.`,
  college_name_missing: (p) => `College no. ${p.index} has no name.`,
  college_weight_missing: (p) => `Give the share of the votes of the ${p.college} college.`,
  college_weight_unreadable: (p) =>
    `The share of the ${p.college} college ("${p.text}") cannot be read: write 30%, 0.3 or 3/10, for instance.`,
  college_weight_unexpected: (p) =>
    `The ${p.college} college has a share of the votes but the statutes do not weight colleges: remove it or choose weights.`,
  college_weight_below_min: (p, l) =>
    `The ${p.college} college would hold ${pc(p.weight, l)} of the votes: each college must hold between ${pc(p.min, l)} and ${pc(p.max, l)}.`,
  college_weight_above_max: (p, l) =>
    `The ${p.college} college would hold ${pc(p.weight, l)} of the votes: each college must hold between ${pc(p.min, l)} and ${pc(p.max, l)}.`,
  college_weights_sum: (p, l) => `The colleges' shares add up to ${pc(p.sum, l)}: together they must make 100%.`,
  associate_duplicate_id: (p) => `${p.associate} is listed twice among the associates.`,
  associate_unknown_college: (p) => `${p.associate} belongs to a college that does not exist (${p.college}).`,
  associate_without_college: (p) => `${p.associate} belongs to no college: every associate votes in a college.`,
  associate_capital_invalid: (p) => `The capital held by ${p.associate} must be a positive amount in euros and cents.`,
  public_capital_above_cap: (p, l) =>
    `Public authorities would hold ${pc(p.share, l)} of the capital together: the law caps it at ${pc(p.max, l)}.`,
  category_count_too_low: (p) => `A SCIC has at least ${p.min} categories of associates; there are only ${p.count}.`,
  category_beneficiaries_missing: () => "The beneficiaries category (users, residents…) is missing; a SCIC must have one.",
  category_employees_missing: () => "The employees category is missing; a SCIC with staff must have one.",
  category_producers_missing: () => "Without employees, a SCIC must have a category for the producers of its goods or services.",
  tally_no_group: () => "This vote has no voters.",
  tally_duplicate_group: (p) => `The group "${p.group}" appears twice in the count.`,
  tally_count_invalid: (p) => `The vote counts of "${p.group}" must be whole positive numbers.`,
  tally_more_ballots_than_members: (p) =>
    `"${p.group}" has ${p.ballots} ballots for ${p.members} members: there cannot be more ballots than voters.`,
  tally_weight_missing: (p) => `The ${p.group} college has no share of the votes; a weighted vote needs one.`,
  tally_weight_invalid: (p) => `The share of the ${p.group} college ("${p.text}") must be a positive number.`,
  vote_closed: () => "This vote is closed: its result can no longer change.",
  vote_not_a_member: (p) => `${p.member} is not a voter of this body.`,
  vote_not_entitled: (p) => `${p.by} cannot vote for ${p.member} without their proxy.`,
  vote_no_college: (p) => `${p.member} belongs to no college: a vote weighted by college is impossible.`,
  vote_setup_invalid: () => "This vote has no voters.",
  recount_result_differs: () => "The recount does not give the stored result.",
  recount_ballots_differ: (p) => `The stored ballots do not match the totals of "${p.group}".`,
  recount_voters_differ: () => "The signing sheet does not match the number of ballots.",
  recount_input_invalid: () => "The stored data of this vote are incomplete: it cannot be recounted.",
  proxy_unknown_member: (p) => `${p.from} is not a member of this body: their proxy cannot count.`,
  proxy_unknown_holder: (p) => `${p.to} is not a member of this body: only a member can hold a proxy.`,
  proxy_self: (p) => `${p.from} cannot give a proxy to themselves.`,
  proxy_duplicate: (p) => `${p.from} already gave a proxy; only one is possible.`,
  proxy_chain: (p) => `${p.to} gave their own proxy away and cannot hold ${p.from}'s (no chained proxies).`,
  proxy_holder_absent: (p) => `${p.to} is not present: ${p.from}'s proxy must go to someone present.`,
  proxy_limit: (p) =>
    `${p.to} already holds ${p.max} ${plural(p.max, "proxy", "proxies")}, the maximum: ${p.from}'s proxy does not count.`,
  quorum_rule_unreadable: (p) =>
    `The quorum on ${p.call === 1 ? "first" : "second"} call ("${p.text}") must be a share between 0 and 100%.`,
  quorum_weight_missing: (p) => `A weighted quorum needs a share of the votes for the ${p.college} college.`,
  circle_too_small: () => "Deciding together takes at least two participants.",
  carrier_not_in_circle: (p) => `The proposal's carrier (${p.who}) must be part of the circle.`,
  already_participant: (p) => `${p.who} is already part of the circle.`,
  not_participant: (p) => `${p.who} is not part of the circle.`,
  carrier_cannot_leave: () => "The carrier cannot leave the circle: withdraw the proposal instead.",
  wrong_phase: () => "This step does not belong here.",
  decision_closed: () => "This decision is closed.",
  election_closed: () => "This election is closed.",
  advice_closed: () => "This advice process is closed.",
  not_carrier: () => "Only the proposal's carrier can do this.",
  not_facilitator: () => "Only the facilitator can do this.",
  not_author: () => "Only the proposal's author can do this.",
  not_in_round: (p) => `${p.who} arrived during this round and will speak in the next one.`,
  carrier_takes_no_turn: () => "The carrier answers questions but takes no turn.",
  already_spoke: (p) => `${p.who} has already spoken in this round.`,
  text_missing: () => "This text cannot be empty.",
  text_unchanged: () => "The amended text is the same as before.",
  objection_without_argument: () => "An objection needs an argument: how does the proposal harm the project or cross a limit?",
  round_incomplete: (p) => `The round is not over: ${p.missing} still to be heard.`,
  objections_stand: (p) =>
    `${p.count} ${plural(p.count, "objection still stands", "objections still stand")}: they must be handled first.`,
  unknown_turn: () => "This question does not exist.",
  unknown_objection: () => "This objection does not exist.",
  objection_not_standing: () => "This objection has already been handled.",
  not_objector: (p) => `Only the person who raised the objection (${p.objector}) can lift it.`,
  no_objection_named: () => "Name the objection(s) this change answers.",
  invalid_day: (p) => `"${p.text}" is not a valid date (YYYY-MM-DD).`,
  role_missing: () => "Describe the role first: name, mission, criteria and mandate.",
  role_incomplete: (p) =>
    ({
      name: "Give the role a name.",
      mission: "Describe the role's mission.",
      criteria: "Give at least one quality the role needs.",
    })[str(p.field)] ?? "The role description is incomplete.",
  mandate_end_before_start: () => "The mandate must end after it starts.",
  not_elector: (p) => `${p.who} has no ballot in this election.`,
  already_nominated: (p) => `${p.who} has already named someone: one name each.`,
  nominee_not_in_circle: (p) => `${p.who} is not part of the circle: only circle members can be named.`,
  reason_missing: () => "Say why this person fits the role.",
  nominations_missing: (p) => `Everyone names someone, no abstention: ${p.missing} still to name.`,
  already_changed: (p) => `${p.who} has already changed their vote.`,
  nominee_not_nominated: (p) => `Nobody named ${p.who}: a vote can only move to someone already named.`,
  same_nominee: (p) => `The vote is already for ${p.who}.`,
  nominee_without_votes: (p) => `${p.who} has no votes: propose someone the circle named.`,
  nominee_speaks_last: () => "The proposed person speaks last, after hearing everyone.",
  author_cannot_advise: () => "One does not advise oneself.",
  already_requested: (p) => `${p.who}'s advice has already been requested.`,
  not_requested: (p) => `Nobody asked for ${p.who}'s advice.`,
  already_answered: (p) => `${p.who} has already answered.`,
  unknown_advice: () => "This advice does not exist.",
  no_advice_requested: () => "Before deciding, ask the people affected and the people who know the subject.",
  advice_pending: (p) =>
    p.until
      ? `Advice is still expected (${p.who}): you can decide after ${p.until}, or as soon as they answer.`
      : `Advice is still expected (${p.who}): you can decide as soon as they answer.`,
  advice_unanswered: (p) => `Answer each piece of advice first: ${p.who}'s is still waiting.`,
  carries_too_much: (p, l) => `${p.name} carries ${pc(p.share, l)} of the load, above the ${pc(p.threshold, l)} threshold.`,
  carries_nothing: (p) =>
    p.lastActivity
      ? `${p.name} has carried nothing since ${p.lastActivity} (over ${p.months} months).`
      : `${p.name} has carried nothing for at least ${p.months} months.`,
  skills_match: (p) => `Has the ${plural(p.count, "skill", "skills")} asked for: ${p.skills}.`,
  skills_partial: (p) => `Has ${p.count} of the ${p.of} skills asked for (${p.skills}); missing: ${p.lacking}.`,
  no_skill_match: () => "Has none of the skills asked for.",
  no_skill_required: () => "No particular skill is asked for.",
  current_load: (p, l) => `Already carries ${p.load} ${plural(p.load, "point", "points")} (${pc(p.share, l)} of the total).`,
  carries_nothing_yet: () => "Carries nothing at the moment.",
  above_threshold: (p, l) => `Careful: already carries ${pc(p.share, l)} of the load, above the ${pc(p.threshold, l)} threshold.`,
};

/** Every code with a sentence: the keys of the French table, which the compiler holds to GovernanceCode. */
export const GOVERNANCE_CODES = Object.keys(FR) as GovernanceCode[];

/** Params that hold person (or organisation) ids, possibly several joined by ", ". */
const ID_PARAMS = new Set(["who", "missing", "objector", "from", "to", "by", "member"]);

/** The sentence for a refusal, an alert or a reason. `nameOf` turns ids into names. */
export function describeIssue(i: Issue, locale: Locale = "fr", nameOf?: NameOf): string {
  const phrase = (locale === "fr" ? FR : EN)[i.code as GovernanceCode];
  if (!phrase) return i.code;
  const params: IssueParams = { ...i.params };
  if (nameOf) {
    for (const key of ID_PARAMS) {
      const v = params[key];
      if (typeof v === "string" && v !== "") params[key] = v.split(", ").map(nameOf).join(", ");
    }
  }
  return phrase(params, locale);
}

// ---------------------------------------------------------------- names of things

export const THRESHOLD_LABELS: Record<Locale, Record<Threshold, string>> = {
  fr: {
    simple: "majorité simple (plus de la moitié)",
    two_thirds: "majorité des deux tiers (au moins 2/3)",
    three_quarters: "majorité des trois quarts (au moins 3/4)",
    unanimity: "unanimité",
  },
  en: {
    simple: "simple majority (more than half)",
    two_thirds: "two-thirds majority (at least 2/3)",
    three_quarters: "three-quarters majority (at least 3/4)",
    unanimity: "unanimity",
  },
};

export const COUNTING_LABELS: Record<Locale, Record<Counting, string>> = {
  fr: {
    proportional: "à la proportionnelle dans chaque collège",
    college_majority: "chaque collège apporte tout son poids à sa majorité",
  },
  en: {
    proportional: "proportionally within each college",
    college_majority: "each college gives its whole weight to its majority",
  },
};

export const CHOICE_LABELS: Record<Locale, Record<Choice, string>> = {
  fr: { for: "pour", against: "contre", abstain: "abstention", blank: "blanc", spoiled: "nul" },
  en: { for: "for", against: "against", abstain: "abstention", blank: "blank", spoiled: "spoiled" },
};

export const ATTENDANCE_LABELS: Record<Locale, Record<AttendanceStatus, string>> = {
  fr: { present: "présent·e", represented: "représenté·e", excused: "excusé·e", absent: "absent·e" },
  en: { present: "present", represented: "represented", excused: "excused", absent: "absent" },
};

export const CONSENT_PHASE_LABELS: Record<Locale, Record<ConsentPhase, string>> = {
  fr: {
    draft: "Proposition en préparation",
    clarification: "Tour de clarification",
    reactions: "Tour de réactions",
    amendment: "Amendement par le porteur",
    objections: "Tour d'objections",
    resolution: "Levée des objections",
    postponed: "Reportée",
    adopted: "Adoptée par consentement",
    withdrawn: "Retirée",
  },
  en: {
    draft: "Proposal being prepared",
    clarification: "Clarification round",
    reactions: "Reaction round",
    amendment: "Amendment by the carrier",
    objections: "Objection round",
    resolution: "Working through objections",
    postponed: "Postponed",
    adopted: "Adopted by consent",
    withdrawn: "Withdrawn",
  },
};

export const ELECTION_PHASE_LABELS: Record<Locale, Record<ElectionPhase, string>> = {
  fr: {
    role: "Définition du rôle",
    nominations: "Bulletins de proposition",
    changes: "Report de voix",
    proposal: "Proposition du facilitateur",
    objections: "Tour d'objections",
    resolution: "Levée des objections",
    elected: "Élu·e",
    abandoned: "Abandonnée",
  },
  en: {
    role: "Defining the role",
    nominations: "Nomination ballots",
    changes: "Changing votes",
    proposal: "Facilitator's proposal",
    objections: "Objection round",
    resolution: "Working through objections",
    elected: "Elected",
    abandoned: "Abandoned",
  },
};

export const ADVICE_PHASE_LABELS: Record<Locale, Record<AdvicePhase, string>> = {
  fr: { draft: "En préparation", gathering: "Avis en cours", decided: "Décidée", withdrawn: "Retirée" },
  en: { draft: "Being prepared", gathering: "Gathering advice", decided: "Decided", withdrawn: "Withdrawn" },
};

export const LOAD_KIND_LABELS: Record<Locale, Record<LoadKind, string>> = {
  fr: {
    task: "tâches ouvertes",
    mandate: "mandats",
    referent: "rôles de référent",
    rotation_turn: "tours accueillis",
    event: "événements organisés",
  },
  en: {
    task: "open tasks",
    mandate: "mandates",
    referent: "referent roles",
    rotation_turn: "turns hosted",
    event: "events organised",
  },
};

// ---------------------------------------------------------------- results in sentences

/** What the threshold asks for, with the number of votes when the base is a head count. */
function thresholdClause(r: TallyResult, l: Locale): string {
  const name = THRESHOLD_LABELS[l][r.threshold.key].replace(/ \(.*\)$/, "");
  const bound =
    r.forNeeded !== null
      ? l === "fr"
        ? `au moins ${count(r.forNeeded, l)} voix pour`
        : `at least ${count(r.forNeeded, l)} ${plural(r.forNeeded, "vote", "votes")} for`
      : r.threshold.inclusive
        ? l === "fr"
          ? `au moins ${percent(r.threshold.value, l)}`
          : `at least ${percent(r.threshold.value, l)}`
        : l === "fr"
          ? `plus de ${percent(r.threshold.value, l)}`
          : `more than ${percent(r.threshold.value, l)}`;
  return l === "fr" ? `la ${name} demandait ${bound}` : `the ${name} needed ${bound}`;
}

/**
 * One sentence stating a result, the share, and what the threshold asked for:
 * « Rejetée : 10 voix pour sur 16 exprimées (62,5 %) ; la majorité des deux tiers demandait au moins 11 voix pour. »
 */
export function describeTally(r: TallyResult, l: Locale = "fr"): string {
  const verdict = r.outcome === "adopted" ? (l === "fr" ? "Adoptée" : "Adopted") : l === "fr" ? "Rejetée" : "Rejected";
  if (r.forShare === null) {
    return l === "fr" ? `${verdict} : aucune voix exprimée.` : `${verdict}: no vote was expressed.`;
  }
  const share = percent(r.forShare, l);
  let what: string;
  if (r.rule.method === "majority") {
    const n = Number(r.forWeight);
    const base = Number(r.baseWeight);
    const of =
      r.rule.base === "members"
        ? l === "fr"
          ? `sur ${count(base, l)} membres`
          : `out of ${count(base, l)} members`
        : r.rule.abstentions === "counted"
          ? l === "fr"
            ? `sur ${count(base, l)} votants (abstentions, blancs et nuls comptés)`
            : `out of ${count(base, l)} voters (abstentions, blank and spoiled counted)`
          : l === "fr"
            ? `sur ${count(base, l)} ${plural(base, "exprimée", "exprimées")}`
            : `out of ${count(base, l)} expressed`;
    what =
      l === "fr"
        ? `${count(n, l)} voix pour ${of} (${share})`
        : `${count(n, l)} ${plural(n, "vote", "votes")} for ${of} (${share})`;
  } else {
    what =
      l === "fr"
        ? `${share} des voix pondérées par collège sont pour (${COUNTING_LABELS.fr[r.rule.counting]})`
        : `${share} of the college-weighted votes are for (${COUNTING_LABELS.en[r.rule.counting]})`;
  }
  return l === "fr" ? `${verdict} : ${what} ; ${thresholdClause(r, l)}.` : `${verdict}: ${what}; ${thresholdClause(r, l)}.`;
}

/**
 * One line of the per-college breakdown:
 * « Usagers (30 %) : 10 pour, 12 contre, 2 abstentions ; 45,45 % pour, soit 13,64 % des voix sur 30 %. »
 */
export function describeGroup(g: GroupBreakdown, r: TallyResult, l: Locale = "fr"): string {
  const fr = l === "fr";
  const counts = (["for", "against", "abstain", "blank", "spoiled"] as const)
    .filter((c) => c === "for" || c === "against" || g.counts[c] > 0)
    .map((c) => `${count(g.counts[c], l)} ${CHOICE_LABELS[l][c]}${fr && c === "abstain" && g.counts[c] > 1 ? "s" : ""}`)
    .join(", ");
  const head =
    g.weight !== null && r.rule.method === "colleges"
      ? `${g.name} (${percent(g.weight, l, 2)})`
      : g.name || (fr ? "Ensemble" : "All");
  const silentFate =
    r.rule.method === "colleges" && r.rule.silentCollege === "against"
      ? fr
        ? "son poids compte comme non favorable"
        : "its weight counts as not in favour"
      : fr
        ? "écarté du calcul"
        : "left out of the count";
  let tail: string;
  if (g.status === "silent") tail = fr ? `aucune voix dans la base : ${silentFate}` : `no vote in the base: ${silentFate}`;
  else if (g.status === "tied") tail = fr ? `égalité dans le collège : ${silentFate}` : `tie within the college: ${silentFate}`;
  else if (r.rule.method === "colleges" && r.rule.counting === "college_majority") {
    tail =
      g.side === "for"
        ? fr
          ? `majorité pour : apporte ${percent(g.weightedFor, l, 2)} pour`
          : `majority for: brings ${percent(g.weightedFor, l, 2)} for`
        : fr
          ? `majorité contre : apporte ${percent(g.weightedBase, l, 2)} contre`
          : `majority against: brings ${percent(g.weightedBase, l, 2)} against`;
  } else if (r.rule.method === "colleges") {
    tail = fr
      ? `${percent(g.forShare ?? "0", l, 2)} pour, soit ${percent(g.weightedFor, l, 2)} des voix sur ${percent(g.weightedBase, l, 2)}`
      : `${percent(g.forShare ?? "0", l, 2)} for, i.e. ${percent(g.weightedFor, l, 2)} of the votes out of ${percent(g.weightedBase, l, 2)}`;
  } else tail = fr ? `${percent(g.forShare ?? "0", l)} pour` : `${percent(g.forShare ?? "0", l)} for`;
  return fr ? `${head} : ${counts} ; ${tail}.` : `${head}: ${counts}; ${tail}.`;
}

/**
 * « Quorum atteint : 14 présents ou représentés sur 30 membres (46,7 %) ; il en faut au moins 6 (1/5). »
 */
export function describeQuorum(q: QuorumStatus, l: Locale = "fr"): string {
  const fr = l === "fr";
  const attending = q.present + q.represented;
  if (q.required === null) return fr ? "Aucun quorum n'est exigé pour cette convocation." : "No quorum is required on this call.";
  const verdict = q.met ? (fr ? "Quorum atteint" : "Quorum reached") : fr ? "Quorum non atteint" : "Quorum not reached";
  if (q.basis === "weighted") {
    return fr
      ? `${verdict} : ${percent(q.reached, l)} des voix des collèges sont présentes ou représentées ; il en faut au moins ${percent(q.required, l)}.`
      : `${verdict}: ${percent(q.reached, l)} of the college-weighted votes are present or represented; at least ${percent(q.required, l)} is needed.`;
  }
  const head = fr
    ? `${verdict} : ${count(attending, l)} ${plural(attending, "présent ou représenté", "présents ou représentés")} sur ${count(q.members, l)} membres (${percent(q.reached, l)})`
    : `${verdict}: ${count(attending, l)} present or represented out of ${count(q.members, l)} members (${percent(q.reached, l)})`;
  if (q.met) {
    return fr
      ? `${head} ; il en faut au moins ${q.needed} (${q.required}).`
      : `${head}; at least ${q.needed} needed (${q.required}).`;
  }
  return fr
    ? `${head} ; il en manque ${q.missing} pour atteindre ${q.required}.`
    : `${head}; ${q.missing} more needed to reach ${q.required}.`;
}

/** « 40 % du capital, 1,7 % des voix » for the associates' table. */
export function describeShares(row: ShareRow, l: Locale = "fr"): string {
  return l === "fr"
    ? `${percent(row.capitalShare, l)} du capital, ${percent(row.votingShare, l)} des voix`
    : `${percent(row.capitalShare, l)} of the capital, ${percent(row.votingShare, l)} of the votes`;
}
