import type { OpeningSlot, OrganizationKind, PersonRole } from "../../shared/contracts/directory.ts";
import type {
  ACCESSIBILITY_FEATURES,
  CARRIER_MODELS,
  CONSORTIUM_ROLES,
  CONTACT_VISIBILITIES,
  PARTNER_TYPES,
  SCALES,
} from "../../shared/vocabulary.ts";

// The data tables of the demo seed (demo.ts inserts them). Everything here is fictional: the territory,
// the communes, the organisations and the people. SIRETs are made up but pass the Luhn check; phone
// numbers are in the ranges ARCEP reserves for fiction (04 65 71…, 06 39 98…).

export type Accessibility = (typeof ACCESSIBILITY_FEATURES)[number];

export interface OrgSeed {
  key: string;
  kind: OrganizationKind;
  name: string;
  legalForm?: string;
  siret?: string;
  description: string;
  website?: string;
  email?: string;
  phone?: string;
  partnerType?: (typeof PARTNER_TYPES)[number];
  /** Membership periods of a member; the first one is the earliest. */
  periods?: { joinedOn: string; leftOn?: string }[];
}

export interface SpaceSeed {
  name: string;
  capacity: number;
  equipment: string[];
  accessibility: Accessibility[];
  description?: string;
}

export interface PlaceSeed {
  org: string;
  slug: string;
  name: string;
  description: string;
  street: string;
  postalCode: string;
  city: string;
  latitude: number;
  longitude: number;
  activities: string[];
  accessibility: Accessibility[];
  openingHours: OpeningSlot[];
  spaces: SpaceSeed[];
}

export type DemoAccountKey = "admin" | "coordination" | "referent" | "membre" | "partenaire";

export interface PersonSeed {
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  bio?: string;
  skills: string[];
  offers?: string;
  needs?: string;
  contactVisibility: (typeof CONTACT_VISIBILITIES)[number];
  /** The demo account this directory entry belongs to (userId is set on the person). */
  account?: DemoAccountKey;
  roles: { org: string; role: PersonRole; title: string; since: string; until?: string }[];
  represents?: { org: string; since: string; until?: string }[];
}

export interface ConsortiumSeed {
  slug: string;
  name: string;
  territory: string;
  scale: (typeof SCALES)[number];
  description: string;
  carrierModel: (typeof CARRIER_MODELS)[number];
  /** Key of the carrying organisation (a `carrier` for external-carrier, a member for member-lead). */
  carrier: string;
  /** Consortium accounts of the demo users (organisation key for a referent or a partner). */
  accounts: { account: DemoAccountKey; role: (typeof CONSORTIUM_ROLES)[number]; org?: string }[];
  organizations: OrgSeed[];
  places: PlaceSeed[];
  people: PersonSeed[];
}

/** Opening slots for several days with the same hours (1 = Monday … 7 = Sunday). */
function open(days: number[], opens: string, closes: string): OpeningSlot[] {
  return days.map((day) => ({ day, opens, closes }));
}
const byDay = (slots: OpeningSlot[]) => slots.sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens));

// ------------------------------------------------------------------------------------------------
// Consortium « demo »: the Val d'Aurèze, an invented intercommunalité of the Puy-de-Dôme.
// Communes (all invented): Aurèze-la-Ville 63600, Saint-Julien-d'Aurèze 63590, Les Fayes 63220,
// Montcel-sur-Aurèze 63880, Chabreuil 63840, Sauviat-sur-Aurèze 63120 — within about 15 km.
// Six current members and a former one (La Grange Numérique, left in June 2025).
// ------------------------------------------------------------------------------------------------

export const DEMO: ConsortiumSeed = {
  slug: "demo",
  name: "Les Communs du Val d'Aurèze",
  territory: "Communauté de communes du Val d'Aurèze (Puy-de-Dôme)",
  scale: "intercommunalite",
  carrierModel: "external-carrier",
  carrier: "scic",
  accounts: [
    { account: "coordination", role: "coordinator" },
    { account: "referent", role: "referent", org: "filature" },
    { account: "membre", role: "member" },
    { account: "partenaire", role: "partner", org: "interco" },
  ],
  description:
    "Les tiers-lieux du Val d'Aurèze coopèrent depuis 2022 : un fablab dans une ancienne filature, un café-cantine de village, " +
    "une ressourcerie, un lieu de création artistique, des ateliers partagés de menuiserie et une gare devenue café associatif. " +
    "Ensemble, ils mutualisent leurs équipements et leurs compétences, organisent une programmation commune et dialoguent d'une seule voix avec " +
    "les collectivités. Le groupement est porté par une SCIC dont les lieux, les salariés, les habitants et les " +
    "collectivités sont sociétaires ; il a été labellisé Fabrique de territoire en 2022.",
  organizations: [
    {
      key: "scic",
      kind: "carrier",
      name: "SCIC Aurèze en Commun",
      legalForm: "SCIC SAS",
      siret: "91245873400015",
      description:
        "Société coopérative d'intérêt collectif qui porte le consortium : coordination, ingénierie de projets, " +
        "gestion administrative des financements communs et animation du réseau. Quatre collèges de sociétaires : " +
        "tiers-lieux membres, salariés, habitants usagers, collectivités.",
      website: "https://aureze-en-commun.exemple.fr",
      email: "contact@aureze-en-commun.exemple.fr",
      phone: "04 65 71 20 10",
    },
    // ---------------------------------------------------------------- members
    {
      key: "filature",
      kind: "member",
      name: "La Filature",
      legalForm: "Association loi 1901",
      siret: "88417265100017",
      description:
        "Association qui fait vivre une ancienne filature de laine réhabilitée : fablab, coworking, ateliers partagés " +
        "et formations au numérique et aux métiers du bois.",
      website: "https://lafilature.exemple.fr",
      email: "bonjour@lafilature.exemple.fr",
      phone: "04 65 71 20 21",
      periods: [{ joinedOn: "2022-03-15" }],
    },
    {
      key: "grain",
      kind: "member",
      name: "Le Grain de Sel",
      legalForm: "SCIC SARL",
      siret: "79231546700029",
      description:
        "Café-cantine et épicerie de village en coopérative, avec un jardin partagé et un Espace de vie sociale " +
        "agréé par la CAF. Cuisine de saison avec les producteurs du plateau.",
      website: "https://legraindesel.exemple.fr",
      email: "cantine@legraindesel.exemple.fr",
      phone: "04 65 71 20 32",
      periods: [{ joinedOn: "2022-03-15" }],
    },
    {
      key: "ressourcerie",
      kind: "member",
      name: "Ressourcerie des Fayes",
      legalForm: "Association loi 1901",
      siret: "83952174700015",
      description:
        "Ressourcerie et chantier d'insertion : collecte, tri, réparation et revente d'objets du quotidien, " +
        "atelier vélo participatif. Douze salariés en parcours d'insertion.",
      email: "contact@ressourcerie-fayes.exemple.fr",
      phone: "04 65 71 20 43",
      periods: [{ joinedOn: "2022-09-01" }],
    },
    {
      key: "moulin",
      kind: "member",
      name: "Le Moulin des Arts",
      legalForm: "Association loi 1901",
      siret: "90128563500016",
      description:
        "Lieu de fabrique artistique installé dans un moulin du XIXe siècle : accueil d'artistes en résidence, " +
        "diffusion de spectacles, ateliers de pratique amateur et éducation artistique avec les écoles.",
      website: "https://moulindesarts.exemple.fr",
      email: "accueil@moulindesarts.exemple.fr",
      phone: "04 65 71 20 54",
      periods: [{ joinedOn: "2023-01-10" }],
    },
    {
      key: "etabli",
      kind: "member",
      name: "Coop'Bois Chabreuil",
      legalForm: "SCOP SARL",
      siret: "81076329200036",
      description:
        "Société coopérative de menuisiers qui gère L'Établi, des ateliers partagés ouverts aux artisans et aux " +
        "habitants, et un centre de formation à l'éco-construction.",
      website: "https://coopbois-chabreuil.exemple.fr",
      email: "atelier@coopbois-chabreuil.exemple.fr",
      phone: "04 65 71 20 65",
      periods: [{ joinedOn: "2024-02-01" }],
    },
    {
      key: "halte",
      kind: "member",
      name: "La Halte",
      legalForm: "Association loi 1901",
      siret: "93174628300015",
      description:
        "Collectif d'habitants qui a rouvert l'ancienne gare de Sauviat : café associatif, bureaux partagés, " +
        "permanences d'accès aux droits et ateliers du soir.",
      email: "bonjour@lahalte-sauviat.exemple.fr",
      phone: "04 65 71 20 76",
      periods: [{ joinedOn: "2024-09-16" }],
    },
    {
      key: "grange",
      kind: "member",
      name: "La Grange Numérique",
      legalForm: "Association loi 1901",
      siret: "85390417500017",
      description:
        "Espace de médiation numérique et de coworking rural. A quitté le consortium en juin 2025, lorsque la " +
        "médiathèque intercommunale a repris ses permanences numériques.",
      email: "contact@grange-numerique.exemple.fr",
      periods: [{ joinedOn: "2022-03-15", leftOn: "2025-06-30" }],
    },
    // ---------------------------------------------------------------- public partners
    {
      key: "commune",
      kind: "partner",
      partnerType: "commune",
      name: "Commune d'Aurèze-la-Ville",
      legalForm: "Collectivité territoriale",
      siret: "21639120100011",
      description:
        "Commune-centre du Val d'Aurèze (3 900 habitants). Propriétaire des murs de La Filature, elle soutient la " +
        "programmation culturelle partagée des lieux.",
      website: "https://aureze-la-ville.exemple.fr",
      email: "mairie@aureze-la-ville.exemple.fr",
      phone: "04 65 71 30 00",
    },
    {
      key: "interco",
      kind: "partner",
      partnerType: "intercommunalite",
      name: "Communauté de communes du Val d'Aurèze",
      legalForm: "Établissement public de coopération intercommunale",
      siret: "20009987700017",
      description:
        "Quatorze communes et 18 000 habitants. Soutient le consortium au titre du développement économique de " +
        "proximité et de son projet de territoire ; gère la médiathèque intercommunale.",
      website: "https://cc-val-aureze.exemple.fr",
      email: "accueil@cc-val-aureze.exemple.fr",
      phone: "04 65 71 30 10",
    },
    {
      key: "departement",
      kind: "partner",
      partnerType: "departement",
      name: "Département du Puy-de-Dôme",
      legalForm: "Collectivité territoriale",
      description:
        "Cofinance l'investissement des lieux au titre de l'appel à projets départemental « Tiers-lieux et " +
        "inclusion » et mobilise les travailleurs sociaux du territoire.",
    },
    {
      key: "caf",
      kind: "partner",
      partnerType: "caf",
      name: "Caisse d'allocations familiales du Puy-de-Dôme",
      legalForm: "Organisme de sécurité sociale",
      description:
        "Finance l'animation de la vie sociale et les actions de parentalité ; a agréé l'Espace de vie sociale " +
        "du Grain de Sel.",
    },
    {
      key: "ccas",
      kind: "partner",
      partnerType: "ccas",
      name: "CCAS d'Aurèze-la-Ville",
      legalForm: "Établissement public administratif",
      siret: "26639120000018",
      description:
        "Oriente des habitants vers la ressourcerie et l'épicerie du Grain de Sel ; tient des permanences d'accès " +
        "aux droits dans les tiers-lieux.",
    },
    {
      key: "prefecture",
      kind: "partner",
      partnerType: "prefecture",
      name: "Préfecture du Puy-de-Dôme",
      legalForm: "Services de l'État",
      description: "Référent départemental tiers-lieux ; instruit les demandes de subventions d'État (DETR, FNADT).",
    },
    {
      key: "anct",
      kind: "partner",
      partnerType: "anct",
      name: "Agence nationale de la cohésion des territoires",
      legalForm: "Établissement public",
      description: "Finance le consortium sur trois ans au titre du programme Fabriques de territoire.",
    },
  ],

  places: [
    {
      org: "filature",
      slug: "la-filature",
      name: "La Filature",
      description:
        "Trois niveaux d'une filature de 1880 au bord de l'Aurèze : fablab au rez-de-chaussée, plateau de coworking " +
        "sous les sheds, salle des métiers pour les formations. Permanences de médiation numérique le mardi.",
      street: "12 quai de la Teinturerie",
      postalCode: "63600",
      city: "Aurèze-la-Ville",
      latitude: 45.5486,
      longitude: 3.6124,
      activities: ["fablab", "coworking", "formation", "ateliers partagés", "médiation numérique"],
      accessibility: ["step_free", "accessible_toilets", "lift", "reserved_parking"],
      openingHours: byDay([...open([2, 3, 4, 5], "09:00", "19:00"), ...open([6], "10:00", "17:00")]),
      spaces: [
        {
          name: "Fablab",
          capacity: 16,
          equipment: ["imprimante 3D", "découpeuse laser", "fraiseuse numérique", "brodeuse numérique", "postes de CAO"],
          accessibility: ["step_free", "accessible_toilets"],
        },
        {
          name: "Plateau de coworking",
          capacity: 24,
          equipment: ["fibre", "postes fixes", "cabines téléphoniques", "imprimante", "casiers"],
          accessibility: ["lift", "accessible_toilets", "quiet_room"],
        },
        {
          name: "Salle des métiers",
          capacity: 40,
          equipment: ["vidéoprojecteur", "sonorisation", "tables modulables", "boucle magnétique"],
          accessibility: ["lift", "hearing_loop"],
          description: "Salle de formation et de réunion, réservable par les membres du consortium.",
        },
        {
          name: "Atelier bois",
          capacity: 8,
          equipment: ["scie à format", "dégauchisseuse", "raboteuse", "établis"],
          accessibility: ["step_free"],
        },
      ],
    },
    {
      org: "grain",
      slug: "le-grain-de-sel",
      name: "Le Grain de Sel",
      description:
        "Café-cantine sur la place du village : menu du jour avec les fermes voisines, épicerie en circuit court, " +
        "concerts le vendredi soir et jardin partagé derrière l'ancienne cure. Espace de vie sociale agréé.",
      street: "3 place de l'Église",
      postalCode: "63590",
      city: "Saint-Julien-d'Aurèze",
      latitude: 45.6018,
      longitude: 3.5487,
      activities: ["café-cantine", "épicerie solidaire", "jardin partagé", "programmation culturelle", "espace de vie sociale"],
      accessibility: ["step_free", "accessible_toilets"],
      openingHours: byDay([
        ...open([2, 3, 4, 5, 6], "08:30", "15:00"),
        ...open([5, 6], "18:00", "23:00"),
        ...open([7], "10:00", "14:00"),
      ]),
      spaces: [
        {
          name: "Salle du café",
          capacity: 45,
          equipment: ["cuisine professionnelle", "piano droit", "sonorisation", "bar"],
          accessibility: ["step_free", "accessible_toilets"],
        },
        {
          name: "Jardin partagé",
          capacity: 30,
          equipment: ["outils de jardinage", "composteur", "récupérateur d'eau pluviale", "serre"],
          accessibility: ["step_free"],
        },
        {
          name: "Salle de l'étage",
          capacity: 20,
          equipment: ["vidéoprojecteur", "paperboard", "jeux de société"],
          accessibility: [],
          description: "Accessible par un escalier uniquement.",
        },
      ],
    },
    {
      org: "ressourcerie",
      slug: "ressourcerie-des-fayes",
      name: "Ressourcerie des Fayes",
      description:
        "Acteur de l'Économie sociale et solidaire du Val d'Aurèze : boutique de seconde main, ateliers " +
        "d'auto-réparation, atelier vélo participatif et collecte sur rendez-vous. Chantier d'insertion.",
      street: "7 rue des Artisans, zone artisanale du Pré Long",
      postalCode: "63220",
      city: "Les Fayes",
      latitude: 45.4712,
      longitude: 3.5398,
      activities: ["recyclerie", "réemploi", "atelier vélo", "repair café", "insertion"],
      accessibility: ["step_free", "accessible_toilets", "reserved_parking"],
      openingHours: byDay([...open([3, 5], "14:00", "18:30"), ...open([6], "09:30", "12:30"), ...open([6], "14:00", "18:00")]),
      spaces: [
        {
          name: "Boutique",
          capacity: 30,
          equipment: ["caisse", "cabines d'essayage", "rayonnages"],
          accessibility: ["step_free", "accessible_toilets"],
        },
        {
          name: "Atelier vélo",
          capacity: 10,
          equipment: ["pieds d'atelier", "outillage vélo", "pièces de réemploi", "poste à souder"],
          accessibility: ["step_free"],
        },
        {
          name: "Atelier réparation",
          capacity: 12,
          equipment: ["fers à souder", "multimètres", "machines à coudre", "établis"],
          accessibility: ["step_free"],
        },
      ],
    },
    {
      org: "moulin",
      slug: "le-moulin-des-arts",
      name: "Le Moulin des Arts",
      description:
        "Moulin à farine transformé en lieu de création : résidence d'artistes avec deux logements, grande salle de " +
        "répétition et de spectacle, atelier d'arts plastiques. Sorties de résidence ouvertes au public chaque mois.",
      street: "Lieu-dit Le Moulin, route de Chabreuil",
      postalCode: "63880",
      city: "Montcel-sur-Aurèze",
      latitude: 45.4978,
      longitude: 3.6681,
      activities: [
        "résidence d'artistes",
        "spectacle vivant",
        "arts plastiques",
        "éducation artistique",
        "programmation culturelle",
      ],
      accessibility: ["step_free", "accessible_toilets", "hearing_loop"],
      openingHours: byDay([...open([3], "14:00", "18:00"), ...open([5], "14:00", "22:00"), ...open([6], "10:00", "22:00")]),
      spaces: [
        {
          name: "Grande salle",
          capacity: 120,
          equipment: ["gradins rétractables", "régie son et lumière", "plancher de danse", "pendrillons"],
          accessibility: ["step_free", "hearing_loop", "accessible_toilets"],
        },
        {
          name: "Atelier d'arts plastiques",
          capacity: 15,
          equipment: ["presse de gravure", "four céramique", "grandes tables", "point d'eau"],
          accessibility: ["step_free"],
        },
        {
          name: "Logements de résidence",
          capacity: 4,
          equipment: ["cuisine équipée", "deux chambres", "lave-linge"],
          accessibility: [],
          description: "Deux logements à l'étage pour les artistes accueillis en résidence.",
        },
      ],
    },
    {
      org: "etabli",
      slug: "l-etabli",
      name: "L'Établi — ateliers partagés de Chabreuil",
      description:
        "Ancienne scierie devenue ateliers partagés : parc machines bois ouvert aux artisans à l'heure, formations " +
        "à l'éco-construction, petit coworking pour les indépendants du bâtiment.",
      street: "18 route de la Scierie",
      postalCode: "63840",
      city: "Chabreuil",
      latitude: 45.5853,
      longitude: 3.7004,
      activities: ["ateliers partagés", "menuiserie", "formation", "éco-construction", "coworking"],
      accessibility: ["step_free", "reserved_parking"],
      openingHours: byDay(open([1, 2, 3, 4, 5], "08:00", "18:00")),
      spaces: [
        {
          name: "Atelier machines",
          capacity: 10,
          equipment: ["scie à panneaux", "toupie", "combiné", "aspiration centralisée", "établis"],
          accessibility: ["step_free"],
        },
        {
          name: "Salle de formation",
          capacity: 18,
          equipment: ["vidéoprojecteur", "maquettes pédagogiques", "tableau blanc"],
          accessibility: ["step_free", "accessible_toilets"],
        },
        {
          name: "Bureau partagé",
          capacity: 6,
          equipment: ["fibre", "traceur grand format", "imprimante"],
          accessibility: [],
        },
      ],
    },
    {
      org: "halte",
      slug: "la-halte",
      name: "La Halte — gare de Sauviat",
      description:
        "Dans le bâtiment voyageurs de la gare, toujours desservie par le TER : café associatif, bureaux partagés " +
        "pour les télétravailleurs, permanences du CCAS et de la conseillère numérique, jardin sur l'ancien quai.",
      street: "Place de la Gare",
      postalCode: "63120",
      city: "Sauviat-sur-Aurèze",
      latitude: 45.5268,
      longitude: 3.5841,
      activities: ["café associatif", "coworking", "accès aux droits", "jardin partagé", "ateliers"],
      accessibility: ["step_free", "accessible_toilets", "reserved_parking", "quiet_room"],
      openingHours: byDay([
        ...open([1, 2, 4, 5], "08:00", "18:00"),
        ...open([3], "08:00", "21:00"),
        ...open([6], "09:00", "13:00"),
      ]),
      spaces: [
        {
          name: "Salle des pas perdus",
          capacity: 35,
          equipment: ["bar", "bibliothèque partagée", "jeux de société"],
          accessibility: ["step_free", "accessible_toilets"],
        },
        {
          name: "Bureaux partagés",
          capacity: 10,
          equipment: ["fibre", "visioconférence", "imprimante", "casiers"],
          accessibility: ["step_free", "quiet_room"],
        },
        {
          name: "Bureau des permanences",
          capacity: 3,
          equipment: ["ordinateur", "scanner", "porte fermée"],
          accessibility: ["step_free"],
          description: "Petit bureau fermé pour les rendez-vous confidentiels (CCAS, conseillère numérique).",
        },
      ],
    },
    {
      org: "grange",
      slug: "la-grange-numerique",
      name: "La Grange Numérique",
      description:
        "Grange aménagée en espace numérique et coworking rural. Le lieu a fermé ses permanences en juin 2025 ; " +
        "les ordinateurs ont été confiés à la médiathèque intercommunale.",
      street: "2 chemin des Prés",
      postalCode: "63120",
      city: "Sauviat-sur-Aurèze",
      latitude: 45.5312,
      longitude: 3.5785,
      activities: ["médiation numérique", "coworking"],
      accessibility: ["step_free"],
      openingHours: [],
      spaces: [
        {
          name: "Espace numérique",
          capacity: 12,
          equipment: ["ordinateurs", "tablettes", "imprimante", "scanner"],
          accessibility: ["step_free"],
        },
        {
          name: "Coworking",
          capacity: 8,
          equipment: ["fibre", "visioconférence"],
          accessibility: ["step_free"],
        },
      ],
    },
  ],

  people: [
    // ------------------------------------------------------------ SCIC (carrier)
    {
      firstName: "Claire",
      lastName: "Dumas",
      email: "coordination@demo.maillage.fr",
      phone: "06 39 98 10 01",
      account: "coordination",
      contactVisibility: "consortium",
      bio: "Coordinatrice du consortium depuis sa création. Auparavant chargée de développement dans un pays rural.",
      skills: ["coordination", "montage de projets", "financements publics", "gouvernance partagée"],
      offers: "Accompagnement au montage de dossiers de subvention et aux réponses aux appels à projets.",
      needs: "Des retours d'autres consortiums sur la répartition des financements communs entre les lieux.",
      roles: [{ org: "scic", role: "coordinator", title: "Coordinatrice du consortium", since: "2022-03-01" }],
    },
    {
      firstName: "Mehdi",
      lastName: "Benali",
      email: "mehdi.benali@exemple.fr",
      phone: "06 39 98 10 02",
      contactVisibility: "public",
      bio: "Anime les rencontres mensuelles entre les lieux et les groupes de travail thématiques.",
      skills: ["facilitation", "intelligence collective", "animation de réunions", "médiation"],
      offers: "Animation de séminaires, ateliers de gouvernance partagée et de résolution de conflits.",
      needs: "Un lieu calme pour les réunions du comité de pilotage en hiver.",
      roles: [{ org: "scic", role: "facilitator", title: "Animateur du réseau", since: "2023-02-01" }],
    },
    {
      firstName: "Sophie",
      lastName: "Lefèvre",
      email: "sophie.lefevre@exemple.fr",
      contactVisibility: "private",
      skills: ["comptabilité", "gestion financière", "paie", "marchés publics"],
      offers: "Appui aux lieux pour les bilans financiers des subventions.",
      roles: [{ org: "scic", role: "staff", title: "Responsable administrative et financière", since: "2022-09-01" }],
    },
    {
      firstName: "Jean-Marc",
      lastName: "Roussel",
      email: "jean-marc.roussel@exemple.fr",
      contactVisibility: "consortium",
      bio: "Ancien artisan, sociétaire du collège des habitants.",
      skills: ["gouvernance", "économie sociale et solidaire", "menuiserie"],
      roles: [
        { org: "scic", role: "elected_governor", title: "Président de la SCIC", since: "2022-03-01" },
        { org: "etabli", role: "user", title: "Usager de l'atelier machines", since: "2024-03-01" },
      ],
    },
    // ------------------------------------------------------------ La Filature
    {
      firstName: "Élodie",
      lastName: "Marchand",
      email: "referent@demo.maillage.fr",
      phone: "06 39 98 11 01",
      account: "referent",
      contactVisibility: "consortium",
      bio: "Coordonne La Filature et représente l'association au comité de pilotage du consortium.",
      skills: ["gestion de lieu", "médiation numérique", "montage de projets", "accueil des publics"],
      offers: "Prêt de la salle des métiers pour les formations des autres lieux.",
      needs: "Des bénévoles pour tenir l'accueil du samedi.",
      roles: [{ org: "filature", role: "staff", title: "Coordinatrice du lieu", since: "2022-03-15" }],
      represents: [{ org: "filature", since: "2022-03-15" }],
    },
    {
      firstName: "Karim",
      lastName: "Haddad",
      email: "karim.haddad@exemple.fr",
      phone: "06 39 98 11 02",
      contactVisibility: "public",
      bio: "Fabmanager, ancien technicien de maintenance industrielle.",
      skills: ["impression 3D", "découpe laser", "électronique", "modélisation 3D", "arduino"],
      offers: "Formations à l'impression 3D et à la découpe laser pour les équipes des autres lieux.",
      needs: "Un second fabmanager pour les permanences du samedi.",
      roles: [{ org: "filature", role: "staff", title: "Fabmanager", since: "2022-06-01" }],
    },
    {
      firstName: "Lucie",
      lastName: "Fontaine",
      email: "lucie.fontaine@exemple.fr",
      contactVisibility: "public",
      bio: "Graphiste indépendante installée au coworking de La Filature.",
      skills: ["graphisme", "identité visuelle", "mise en page", "illustration"],
      offers: "Création de supports de communication à tarif solidaire pour les lieux du réseau.",
      needs: "Une imprimante grand format accessible ponctuellement.",
      roles: [{ org: "filature", role: "resident", title: "Graphiste, résidente du coworking", since: "2023-01-01" }],
    },
    {
      firstName: "Bruno",
      lastName: "Chevalier",
      email: "bruno.chevalier@exemple.fr",
      contactVisibility: "private",
      skills: ["menuiserie", "ébénisterie", "vie associative"],
      roles: [{ org: "filature", role: "elected_governor", title: "Co-président de l'association", since: "2022-03-15" }],
      represents: [{ org: "filature", since: "2024-05-01" }],
    },
    {
      firstName: "Inès",
      lastName: "Moreau",
      email: "ines.moreau@exemple.fr",
      contactVisibility: "consortium",
      skills: ["couture", "broderie numérique", "upcycling"],
      offers: "Ateliers couture et réparation de vêtements.",
      roles: [{ org: "filature", role: "user", title: "Usagère du fablab", since: "2024-02-01" }],
    },
    // ------------------------------------------------------------ Le Grain de Sel
    {
      firstName: "Mathilde",
      lastName: "Perrin",
      email: "mathilde.perrin@exemple.fr",
      phone: "06 39 98 12 01",
      contactVisibility: "consortium",
      bio: "A fondé la coopérative avec une dizaine d'habitants du village.",
      skills: ["cuisine", "gestion", "circuits courts", "hygiène alimentaire"],
      offers: "Service traiteur pour les événements du consortium, avec les produits des fermes voisines.",
      needs: "Une chambre froide mutualisée avec les producteurs.",
      roles: [{ org: "grain", role: "staff", title: "Gérante de la SCIC", since: "2022-03-15" }],
      represents: [{ org: "grain", since: "2022-03-15" }],
    },
    {
      firstName: "Antoine",
      lastName: "Giraud",
      email: "antoine.giraud@exemple.fr",
      contactVisibility: "public",
      skills: ["cuisine", "cuisine végétarienne", "conserverie"],
      offers: "Ateliers de cuisine anti-gaspillage.",
      roles: [{ org: "grain", role: "staff", title: "Cuisinier", since: "2023-04-01" }],
    },
    {
      firstName: "Fatou",
      lastName: "Diallo",
      email: "fatou.diallo@exemple.fr",
      contactVisibility: "consortium",
      skills: ["animation", "parentalité", "facilitation", "médiation"],
      offers: "Ateliers parents-enfants et repas partagés, sur place ou dans les autres lieux.",
      needs: "Des intervenants pour des ateliers numériques destinés aux familles.",
      roles: [{ org: "grain", role: "facilitator", title: "Animatrice de l'Espace de vie sociale", since: "2023-09-01" }],
    },
    {
      firstName: "Gérard",
      lastName: "Lemaire",
      contactVisibility: "private",
      skills: ["jardinage", "permaculture", "apiculture"],
      offers: "Conseils en permaculture et échange de semences.",
      roles: [{ org: "grain", role: "user", title: "Bénévole au jardin partagé", since: "2022-05-01" }],
    },
    {
      firstName: "Nadia",
      lastName: "Bouchet",
      email: "nadia.bouchet@exemple.fr",
      contactVisibility: "consortium",
      skills: ["comptabilité", "vie coopérative"],
      roles: [{ org: "grain", role: "elected_governor", title: "Sociétaire, collège des usagers", since: "2022-03-15" }],
    },
    // ------------------------------------------------------------ Ressourcerie des Fayes
    {
      firstName: "Patrick",
      lastName: "Garnier",
      email: "patrick.garnier@exemple.fr",
      phone: "06 39 98 13 01",
      contactVisibility: "consortium",
      skills: ["insertion professionnelle", "réemploi", "gestion d'équipe", "montage de projets"],
      offers: "Collecte des encombrants lors des déménagements ou des vide-greniers des lieux.",
      needs: "Des débouchés pour le mobilier de bureau récupéré.",
      roles: [{ org: "ressourcerie", role: "staff", title: "Directeur", since: "2022-09-01" }],
      represents: [{ org: "ressourcerie", since: "2022-09-01" }],
    },
    {
      firstName: "Sandrine",
      lastName: "Roche",
      email: "sandrine.roche@exemple.fr",
      contactVisibility: "consortium",
      skills: ["électricité", "réparation d'électroménager", "encadrement technique"],
      offers: "Diagnostic et petites réparations électriques pour les lieux du réseau.",
      roles: [{ org: "ressourcerie", role: "staff", title: "Encadrante technique d'insertion", since: "2022-09-01" }],
    },
    {
      firstName: "Yanis",
      lastName: "Mercier",
      email: "yanis.mercier@exemple.fr",
      contactVisibility: "public",
      skills: ["mécanique vélo", "soudure"],
      offers: "Révision des vélos de service des autres lieux.",
      roles: [{ org: "ressourcerie", role: "staff", title: "Mécanicien vélo", since: "2024-03-01" }],
    },
    {
      firstName: "Hélène",
      lastName: "Vidal",
      email: "helene.vidal@exemple.fr",
      contactVisibility: "consortium",
      skills: ["vie associative", "comptabilité", "bénévolat"],
      roles: [{ org: "ressourcerie", role: "elected_governor", title: "Présidente de l'association", since: "2023-06-15" }],
      represents: [{ org: "ressourcerie", since: "2023-06-15" }],
    },
    {
      firstName: "Damien",
      lastName: "Colin",
      contactVisibility: "private",
      skills: ["mécanique vélo"],
      roles: [{ org: "ressourcerie", role: "user", title: "Bénévole à l'atelier vélo", since: "2024-09-01" }],
    },
    // ------------------------------------------------------------ Le Moulin des Arts
    {
      firstName: "Camille",
      lastName: "Arnaud",
      email: "camille.arnaud@exemple.fr",
      phone: "06 39 98 14 01",
      contactVisibility: "public",
      skills: ["programmation culturelle", "production de spectacles", "médiation culturelle"],
      offers: "Accueil de résidences courtes et prêt de la grande salle aux autres lieux.",
      needs: "Des hébergements chez l'habitant pour les artistes en résidence l'été.",
      roles: [{ org: "moulin", role: "staff", title: "Directrice artistique", since: "2023-01-10" }],
      represents: [{ org: "moulin", since: "2023-01-10" }],
    },
    {
      firstName: "Olivier",
      lastName: "Renaud",
      email: "olivier.renaud@exemple.fr",
      contactVisibility: "consortium",
      skills: ["régie son", "régie lumière", "électricité", "sécurité ERP"],
      offers: "Formation à la sécurité des établissements recevant du public et prêt de matériel son.",
      roles: [{ org: "moulin", role: "staff", title: "Régisseur général", since: "2023-03-01" }],
    },
    {
      firstName: "Léa",
      lastName: "Besson",
      email: "lea.besson@exemple.fr",
      contactVisibility: "public",
      bio: "Plasticienne accueillie en résidence de création pour l'année 2025.",
      skills: ["gravure", "céramique", "arts plastiques"],
      offers: "Ateliers de gravure pour les enfants des écoles du territoire.",
      needs: "Accès à la découpeuse laser du fablab pour des matrices.",
      roles: [{ org: "moulin", role: "resident", title: "Artiste plasticienne en résidence", since: "2025-01-15" }],
    },
    {
      firstName: "Samuel",
      lastName: "Texier",
      email: "samuel.texier@exemple.fr",
      contactVisibility: "consortium",
      skills: ["théâtre", "écriture", "ateliers d'expression"],
      offers: "Ateliers théâtre pour adultes et lectures dans les lieux.",
      roles: [{ org: "moulin", role: "resident", title: "Compagnie de théâtre associée", since: "2024-09-01" }],
    },
    {
      firstName: "Monique",
      lastName: "Barre",
      email: "monique.barre@exemple.fr",
      contactVisibility: "private",
      skills: ["vie associative", "relations avec les écoles"],
      roles: [{ org: "moulin", role: "elected_governor", title: "Présidente de l'association", since: "2023-01-10" }],
      represents: [{ org: "moulin", since: "2023-01-10" }],
    },
    {
      firstName: "Manon",
      lastName: "Lebrun",
      email: "manon.lebrun@exemple.fr",
      contactVisibility: "public",
      skills: ["photographie", "vidéo", "réseaux sociaux"],
      offers: "Reportages photo des événements du réseau.",
      roles: [{ org: "moulin", role: "user", title: "Habitante, collectif de programmation", since: "2024-04-01" }],
    },
    // ------------------------------------------------------------ Coop'Bois / L'Établi
    {
      firstName: "Vincent",
      lastName: "Lambert",
      email: "vincent.lambert@exemple.fr",
      phone: "06 39 98 15 01",
      contactVisibility: "consortium",
      skills: ["menuiserie", "éco-construction", "formation professionnelle"],
      offers: "Fabrication de mobilier sur mesure pour les lieux du réseau.",
      needs: "Du bois local : contacts de scieries et de propriétaires forestiers.",
      roles: [{ org: "etabli", role: "staff", title: "Cogérant de la SCOP", since: "2024-02-01" }],
      represents: [{ org: "etabli", since: "2024-02-01" }],
    },
    {
      firstName: "Aurélie",
      lastName: "Caron",
      email: "aurelie.caron@exemple.fr",
      contactVisibility: "consortium",
      skills: ["formation", "ingénierie pédagogique", "comptabilité"],
      needs: "Des salles de formation ailleurs sur le territoire pour décentraliser nos sessions.",
      roles: [{ org: "etabli", role: "staff", title: "Cogérante, chargée de formation", since: "2024-02-01" }],
    },
    {
      firstName: "Julien",
      lastName: "Faure",
      email: "membre@demo.maillage.fr",
      account: "membre",
      contactVisibility: "consortium",
      bio: "Menuisier agenceur, installé à L'Établi depuis 2024.",
      skills: ["menuiserie", "agencement", "éco-construction"],
      offers: "Petits chantiers d'agencement pour les lieux du réseau.",
      needs: "Un local de stockage pour le bois de récupération.",
      roles: [{ org: "etabli", role: "resident", title: "Menuisier, résident de l'atelier", since: "2024-03-01" }],
    },
    {
      firstName: "Rémi",
      lastName: "Payet",
      email: "remi.payet@exemple.fr",
      contactVisibility: "public",
      skills: ["développement web", "logiciels libres", "cartographie"],
      offers: "Aide à l'installation d'outils numériques libres (agenda partagé, cloud, visioconférence).",
      roles: [{ org: "etabli", role: "user", title: "Indépendant, usager du bureau partagé", since: "2024-05-15" }],
    },
    // ------------------------------------------------------------ La Halte
    {
      firstName: "Romain",
      lastName: "Delorme",
      email: "romain.delorme@exemple.fr",
      phone: "06 39 98 16 01",
      contactVisibility: "consortium",
      skills: ["vie associative", "gestion de lieu", "bricolage"],
      offers: "Prêt des bureaux partagés aux salariés des autres lieux de passage à Sauviat.",
      needs: "Des conseils pour obtenir l'agrément Espace de vie sociale.",
      roles: [{ org: "halte", role: "staff", title: "Coordinateur bénévole", since: "2024-09-16" }],
      represents: [{ org: "halte", since: "2024-09-16" }],
    },
    {
      firstName: "Céline",
      lastName: "Poulain",
      email: "celine.poulain@exemple.fr",
      contactVisibility: "public",
      skills: ["facilitation", "éducation populaire", "animation"],
      offers: "Animation de cafés-débats et d'ateliers d'écriture.",
      roles: [{ org: "halte", role: "facilitator", title: "Animatrice des ateliers du soir", since: "2025-01-06" }],
    },
    {
      firstName: "Thierry",
      lastName: "Royer",
      email: "thierry.royer@exemple.fr",
      contactVisibility: "private",
      skills: ["comptabilité", "conseil aux entreprises"],
      roles: [{ org: "halte", role: "resident", title: "Expert-comptable, résident des bureaux partagés", since: "2024-10-01" }],
    },
    // ------------------------------------------------------------ La Grange Numérique (former member)
    {
      firstName: "Sylvie",
      lastName: "Marty",
      email: "sylvie.marty@exemple.fr",
      contactVisibility: "consortium",
      bio: "Médiatrice numérique à La Grange, puis conseillère numérique à la médiathèque intercommunale.",
      skills: ["médiation numérique", "démarches en ligne", "accompagnement des publics"],
      offers: "Permanences numériques itinérantes dans les lieux du réseau.",
      roles: [
        { org: "grange", role: "staff", title: "Médiatrice numérique", since: "2022-03-15", until: "2025-06-30" },
        {
          org: "interco",
          role: "partner_agent",
          title: "Conseillère numérique, médiathèque intercommunale",
          since: "2025-07-01",
        },
      ],
      represents: [{ org: "grange", since: "2022-03-15", until: "2025-06-30" }],
    },
    {
      firstName: "Christophe",
      lastName: "Blanc",
      contactVisibility: "private",
      skills: ["vie associative"],
      roles: [
        {
          org: "grange",
          role: "elected_governor",
          title: "Président de l'association",
          since: "2022-03-15",
          until: "2025-06-30",
        },
      ],
    },
    // ------------------------------------------------------------ public partners
    {
      firstName: "Martine",
      lastName: "Girard",
      email: "martine.girard@aureze-la-ville.exemple.fr",
      contactVisibility: "consortium",
      skills: ["vie associative", "culture"],
      roles: [
        { org: "commune", role: "partner_agent", title: "Adjointe au maire chargée de la vie associative", since: "2020-07-01" },
      ],
    },
    {
      firstName: "Nicolas",
      lastName: "Robin",
      email: "nicolas.robin@aureze-la-ville.exemple.fr",
      phone: "04 65 71 30 01",
      contactVisibility: "consortium",
      skills: ["marchés publics", "gestion du patrimoine bâti"],
      roles: [{ org: "commune", role: "partner_agent", title: "Directeur général des services", since: "2021-01-04" }],
    },
    {
      firstName: "Véronique",
      lastName: "Tessier",
      email: "veronique.tessier@cc-val-aureze.exemple.fr",
      contactVisibility: "consortium",
      bio: "A suivi le consortium depuis sa candidature Fabrique de territoire ; partie vers la Région en avril 2025.",
      skills: ["développement territorial", "économie de proximité"],
      roles: [
        {
          org: "interco",
          role: "partner_agent",
          title: "Chargée de mission tiers-lieux",
          since: "2022-01-03",
          until: "2025-03-31",
        },
      ],
    },
    {
      firstName: "Maxime",
      lastName: "Leroy",
      email: "partenaire@demo.maillage.fr",
      phone: "04 65 71 30 12",
      account: "partenaire",
      contactVisibility: "consortium",
      bio: "A pris la suite de Véronique Tessier pour le suivi des tiers-lieux du territoire.",
      skills: ["développement territorial", "économie de proximité", "financements européens"],
      offers: "Relais des appels à projets régionaux et européens (LEADER).",
      needs: "Des indicateurs communs d'activité des lieux pour le rapport annuel au conseil communautaire.",
      roles: [
        {
          org: "interco",
          role: "partner_agent",
          title: "Chargé de mission tiers-lieux et économie de proximité",
          since: "2025-04-01",
        },
      ],
    },
    {
      firstName: "Isabelle",
      lastName: "Fabre",
      email: "isabelle.fabre@exemple.fr",
      contactVisibility: "consortium",
      skills: ["développement territorial", "action sociale"],
      roles: [{ org: "departement", role: "partner_agent", title: "Agente de développement territorial", since: "2023-01-02" }],
    },
    {
      firstName: "Laurent",
      lastName: "Guillot",
      email: "laurent.guillot@exemple.fr",
      contactVisibility: "consortium",
      skills: ["animation de la vie sociale", "financements CAF"],
      roles: [
        { org: "caf", role: "partner_agent", title: "Conseiller technique animation de la vie sociale", since: "2022-06-01" },
      ],
    },
    {
      firstName: "Amandine",
      lastName: "Noël",
      email: "amandine.noel@exemple.fr",
      contactVisibility: "private",
      skills: ["parentalité", "petite enfance"],
      roles: [{ org: "caf", role: "partner_agent", title: "Chargée de mission parentalité", since: "2024-01-08" }],
    },
    {
      firstName: "Catherine",
      lastName: "Bailly",
      email: "catherine.bailly@aureze-la-ville.exemple.fr",
      contactVisibility: "consortium",
      skills: ["accès aux droits", "action sociale"],
      roles: [{ org: "ccas", role: "partner_agent", title: "Responsable du CCAS", since: "2021-09-01" }],
    },
    {
      firstName: "François",
      lastName: "Meunier",
      email: "francois.meunier@exemple.fr",
      contactVisibility: "consortium",
      skills: ["subventions d'État", "développement territorial"],
      roles: [{ org: "prefecture", role: "partner_agent", title: "Référent départemental tiers-lieux", since: "2023-09-01" }],
    },
    {
      firstName: "Aïcha",
      lastName: "Benhamou",
      email: "aicha.benhamou@exemple.fr",
      contactVisibility: "consortium",
      skills: ["politiques publiques", "évaluation"],
      roles: [{ org: "anct", role: "partner_agent", title: "Chargée de mission Fabriques de territoire", since: "2022-01-03" }],
    },
  ],
};

// ------------------------------------------------------------------------------------------------
// Consortium « reseau-voisin »: a smaller member-lead network, to show switching and isolation.
// ------------------------------------------------------------------------------------------------

export const NEIGHBOUR: ConsortiumSeed = {
  slug: "reseau-voisin",
  name: "Réseau des lieux du Haut-Lizon",
  territory: "Bassin de vie du Haut-Lizon (Puy-de-Dôme)",
  scale: "bassin_de_vie",
  carrierModel: "member-lead",
  carrier: "forge",
  accounts: [{ account: "coordination", role: "member" }],
  description:
    "Trois lieux voisins qui se sont associés en 2023 pour partager une coordinatrice et répondre ensemble aux appels " +
    "à projets. La Forge du Lizon est chef de file du groupement.",
  organizations: [
    {
      key: "forge",
      kind: "member",
      name: "La Forge du Lizon",
      legalForm: "Association loi 1901",
      siret: "89745216500011",
      description: "Fablab, café associatif et coworking dans l'ancienne forge du bourg ; chef de file du réseau.",
      email: "contact@forge-lizon.exemple.fr",
      periods: [{ joinedOn: "2023-05-01" }],
    },
    {
      key: "champ",
      kind: "member",
      name: "Le Champ Commun",
      legalForm: "SCIC SAS",
      siret: "90563128900014",
      description: "Ferme partagée et cuisine collective : formations agricoles, transformation de légumes, jardin partagé.",
      email: "ferme@champcommun.exemple.fr",
      periods: [{ joinedOn: "2023-05-01" }],
    },
    {
      key: "garage",
      kind: "member",
      name: "Atelier Mobile du Lizon",
      legalForm: "SCOP SARL",
      siret: "84271935300026",
      description: "Recyclerie et atelier vélo itinérant qui tourne dans les villages du bassin de vie.",
      email: "bonjour@atelier-mobile.exemple.fr",
      periods: [{ joinedOn: "2024-02-01" }],
    },
  ],
  places: [
    {
      org: "forge",
      slug: "la-forge",
      name: "La Forge",
      description: "Fablab et café associatif sur la place du bourg, coworking à l'étage.",
      street: "1 place de la Forge",
      postalCode: "63390",
      city: "Lizon-le-Bourg",
      latitude: 45.9021,
      longitude: 2.8417,
      activities: ["fablab", "coworking", "café associatif"],
      accessibility: ["step_free", "accessible_toilets"],
      openingHours: byDay([...open([3, 4, 5], "10:00", "19:00"), ...open([6], "10:00", "16:00")]),
      spaces: [
        { name: "Atelier fablab", capacity: 10, equipment: ["imprimante 3D", "découpeuse vinyle"], accessibility: ["step_free"] },
        { name: "Café", capacity: 35, equipment: ["bar", "sonorisation"], accessibility: ["step_free", "accessible_toilets"] },
      ],
    },
    {
      org: "champ",
      slug: "ferme-du-champ-commun",
      name: "Ferme du Champ Commun",
      description: "Ferme en polyculture ouverte aux habitants : jardin partagé, légumerie, cuisine collective.",
      street: "Lieu-dit La Croix Blanche",
      postalCode: "63380",
      city: "Prades-sur-Lizon",
      latitude: 45.8744,
      longitude: 2.7906,
      activities: ["ferme partagée", "jardin partagé", "cuisine collective", "formation"],
      accessibility: ["step_free"],
      openingHours: byDay(open([2, 4, 6], "09:00", "17:00")),
      spaces: [
        {
          name: "Cuisine collective",
          capacity: 12,
          equipment: ["cuisine professionnelle", "autoclave"],
          accessibility: ["step_free"],
        },
      ],
    },
    {
      org: "garage",
      slug: "le-garage",
      name: "Le Garage",
      description: "Dépôt de la recyclerie et base de l'atelier vélo mobile.",
      street: "14 avenue de la Gare",
      postalCode: "63330",
      city: "Saint-Priest-du-Lizon",
      latitude: 45.9305,
      longitude: 2.8892,
      activities: ["recyclerie", "atelier vélo", "ateliers partagés"],
      accessibility: ["step_free", "reserved_parking"],
      openingHours: byDay(open([3, 6], "14:00", "18:00")),
      spaces: [{ name: "Dépôt", capacity: 15, equipment: ["rayonnages", "transpalette"], accessibility: ["step_free"] }],
    },
  ],
  people: [
    {
      firstName: "Agnès",
      lastName: "Pradel",
      email: "agnes.pradel@exemple.fr",
      contactVisibility: "consortium",
      skills: ["coordination", "montage de projets"],
      roles: [{ org: "forge", role: "coordinator", title: "Coordinatrice du réseau", since: "2023-05-01" }],
      represents: [{ org: "forge", since: "2023-05-01" }],
    },
    {
      firstName: "Hugo",
      lastName: "Martel",
      email: "hugo.martel@exemple.fr",
      contactVisibility: "public",
      skills: ["impression 3D", "électronique"],
      roles: [{ org: "forge", role: "staff", title: "Fabmanager", since: "2023-09-01" }],
    },
    {
      firstName: "Bernadette",
      lastName: "Vial",
      email: "bernadette.vial@exemple.fr",
      contactVisibility: "consortium",
      skills: ["maraîchage", "cuisine", "formation"],
      roles: [{ org: "champ", role: "elected_governor", title: "Présidente de la SCIC", since: "2023-05-01" }],
      represents: [{ org: "champ", since: "2023-05-01" }],
    },
    {
      firstName: "Sami",
      lastName: "Ouali",
      email: "sami.ouali@exemple.fr",
      contactVisibility: "consortium",
      skills: ["mécanique vélo", "réemploi", "conduite poids lourd"],
      roles: [{ org: "garage", role: "staff", title: "Cogérant", since: "2024-02-01" }],
      represents: [{ org: "garage", since: "2024-02-01" }],
    },
    {
      firstName: "Pauline",
      lastName: "Rey",
      email: "pauline.rey@exemple.fr",
      contactVisibility: "private",
      skills: ["graphisme", "sérigraphie"],
      roles: [{ org: "forge", role: "resident", title: "Résidente du coworking", since: "2024-01-15" }],
    },
    {
      firstName: "Claire",
      lastName: "Dumas",
      email: "coordination@demo.maillage.fr",
      account: "coordination",
      contactVisibility: "consortium",
      bio: "Coordinatrice d'un consortium voisin, invitée pour partager les outils communs.",
      skills: ["coordination", "montage de projets"],
      roles: [{ org: "champ", role: "user", title: "Membre invitée (consortium du Val d'Aurèze)", since: "2025-01-10" }],
    },
  ],
};
