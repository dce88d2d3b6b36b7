// The national-scale agenda of `npm run bench agenda`: 300 consortia × 6 places and 1,000,000 events, of which
// 5 % are series, generated inside the database with INSERT … SELECT … FROM generate_series(…), a few dozen
// consortia per statement. Only the small lists (titles with their duplicate-detection keys, names) come from
// JavaScript. Occurrences follow each series' RRULE on Paris wall-clock time, as `materialize` does.
import { hash } from "@node-rs/argon2";
import { normalizeTitle } from "../../src/shared/agenda/duplicates.ts";
import { expandSeries } from "../../src/shared/agenda/recurrence.ts";
import { EVENT_AUDIENCES } from "../../src/shared/vocabulary.ts";

/** Runs one SQL statement (no parameters) on one connection and returns its rows. */
export type Exec = (text: string) => Promise<Record<string, unknown>[]>;

/** Per consortium, whatever the scale: the scale changes the number of consortia, not their density. */
export const SHAPE = {
  consortia: 300,
  events: 3_333,
  series: 167,
  /** Single events that book a space, on a grid of non-overlapping slots. */
  spaceEvents: 800,
  months: 24,
  /** Share of each place in its consortium's programme: the first place is the busy one. */
  placeWeights: [0.33, 0.2, 0.15, 0.12, 0.11, 0.09],
  spacesPerPlace: 3,
  partners: 4,
} as const;

export const BENCH_USER = { email: "bench.agenda@maillage.test", password: "banc-d-essai-agenda", name: "Banc d'essai" };

export interface Dataset {
  /** First day of the first generated month (Paris), and the number of months. */
  firstDay: string;
  months: number;
  consortia: Array<{ id: string; slug: string }>;
  /** The consortium measured on its own, with its places (busiest first), spaces and member organisations. */
  target: {
    id: string;
    slug: string;
    places: Array<{ id: string; slug: string; spaceIds: string[]; organizationId: string }>;
  };
  counts: Record<string, number>;
}

const TERRITORIES = [
  "Vallée de la Drôme",
  "Pays de Brocéliande",
  "Haut-Jura",
  "Cévennes gardoises",
  "Monts du Lyonnais",
  "Trégor",
  "Vercors",
  "Périgord vert",
  "Bocage bressuirais",
  "Morvan",
  "Pays de Caux",
  "Grand Figeac",
  "Thiérache",
  "Combrailles",
  "Pays d'Apt",
  "Haute-Lande",
  "Vexin",
  "Pays de Retz",
  "Val d'Allier",
  "Couserans",
];

const PLACE_NAMES = [
  "La Filature",
  "Le Grain de sel",
  "La Ressourcerie",
  "La Fabrique",
  "Le Hangar",
  "La Coopérative",
  "L'Atelier partagé",
  "La Grange",
  "Le Moulin",
  "La Halle",
  "Le Quai",
  "La Gare",
];

const PARTNERS: Array<[name: string, type: string]> = [
  ["Mairie", "commune"],
  ["Communauté de communes", "intercommunalite"],
  ["CAF", "caf"],
  ["Conseil départemental", "departement"],
];

const FORMATS = [
  "Atelier",
  "Rencontre",
  "Conférence",
  "Projection-débat",
  "Permanence",
  "Soirée",
  "Initiation",
  "Café",
  "Stage",
  "Visite",
  "Formation",
  "Concert",
  "Bourse",
  "Forum",
  "Table ronde",
];
const SUBJECTS = [
  "couture",
  "réparation de vélos",
  "numérique pour tous",
  "compost et jardin",
  "cuisine anti-gaspi",
  "impression 3D",
  "création d'entreprise",
  "jeux de société",
  "écriture",
  "photographie",
  "menuiserie",
  "zéro déchet",
  "musique assistée par ordinateur",
  "santé des aidants",
  "logement des jeunes",
  "mobilité rurale",
  "langue des signes",
  "théâtre d'improvisation",
  "démarches en ligne",
  "énergie citoyenne",
  "circuits courts",
  "parentalité",
  "sérigraphie",
  "emploi des seniors",
  "apiculture",
  "histoire locale",
  "éducation aux médias",
  "tricot",
  "robotique",
  "céramique",
];
const THEMES = [
  "numérique",
  "alimentation",
  "réemploi",
  "culture",
  "emploi",
  "jeunesse",
  "parentalité",
  "santé",
  "mobilité",
  "environnement",
  "fabrication",
  "entrepreneuriat",
  "citoyenneté",
  "jardin",
  "musique",
  "solidarité",
];
const DESCRIPTIONS = [
  "Ouvert à toutes et tous, sans inscription. Venez avec vos questions.",
  "Places limitées : inscription conseillée auprès de l'accueil du lieu.",
  "Un temps d'échange convivial, suivi d'un verre offert par l'association.",
  "Animé par des bénévoles du lieu ; matériel fourni sur place.",
  "En partenariat avec les structures du réseau. Accessible aux personnes à mobilité réduite.",
  "Pensé pour les débutants comme pour les curieux déjà initiés.",
  "Apportez vos objets, vos idées ou simplement votre curiosité.",
  "La séance est suivie d'une discussion avec les intervenants.",
];
// General public is the most common audience: it appears three times in the draw.
const AUDIENCE_DRAW = [
  "general_public",
  "general_public",
  "general_public",
  ...EVENT_AUDIENCES.filter((a) => a !== "general_public"),
];

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const textArray = (list: readonly string[]) => `array[${list.map(quote).join(",")}]::text[]`;

const slugOf = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

function titles(): Array<{ title: string; key: string }> {
  const out: Array<{ title: string; key: string }> = [];
  for (const format of FORMATS)
    for (const subject of SUBJECTS) {
      const title = `${format} ${subject}`;
      out.push({ title, key: normalizeTitle(title) });
    }
  return out;
}

/** The first day of the month `offset` months from the Paris month of `now`. */
function monthStart(now: Date, offset: number): string {
  const [y, m] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit" })
    .format(now)
    .split("-")
    .map(Number);
  const d = new Date(Date.UTC(y, m - 1 + offset, 1));
  return d.toISOString().slice(0, 10);
}

export interface GenerateOptions {
  scale: number;
  now?: Date;
  log?: (line: string) => void;
}

/**
 * Fills an empty, migrated database. Months run from 12 months before the current Paris month to 12 after,
 * so that "this month" is in the middle of the programme.
 */
export async function generateAgendaData(exec: Exec, options: GenerateOptions): Promise<Dataset> {
  const log = options.log ?? (() => {});
  const consortiaCount = Math.max(2, Math.round(SHAPE.consortia * options.scale));
  const firstDay = monthStart(options.now ?? new Date(), -SHAPE.months / 2);
  const lastDay = monthStart(options.now ?? new Date(), SHAPE.months / 2);
  const days = Math.round((Date.parse(lastDay) - Date.parse(firstDay)) / 86_400_000);
  const freeEvents = SHAPE.events - SHAPE.series - SHAPE.spaceEvents;
  const titleList = titles();
  const cumulative = SHAPE.placeWeights.map((_, k) => SHAPE.placeWeights.slice(0, k).reduce((a, b) => a + b, 0));
  const local = (dayExpr: string, timeExpr: string) => `(date '${firstDay}' + ${dayExpr})::timestamp + ${timeExpr}`;
  const paris = (localExpr: string) => `((${localExpr}) at time zone 'Europe/Paris')`;

  await exec("set temp_buffers = '64MB'");
  await exec("set work_mem = '64MB'");
  await exec("select setseed(0.17)");

  // ---------------------------------------------------------------- consortia, organisations, places, spaces
  let t = performance.now();
  await exec(`create temp table b_consortia as
    select n, gen_random_uuid() as id, 'bench-' || lpad(n::text, 3, '0') as slug,
      (${textArray(TERRITORIES)})[1 + (n - 1) % ${TERRITORIES.length}]
        || case when n > ${TERRITORIES.length} then ' ' || (1 + (n - 1) / ${TERRITORIES.length})::text else '' end as territory,
      43.2 + random() * 6.5 as lat, -1.2 + random() * 8 as lng
    from generate_series(1, ${consortiaCount}) n`);
  await exec(`insert into consortia (id, slug, name, territory, scale, carrier_model)
    select id, slug, 'Tiers-lieux ' || territory, territory, 'intercommunalite', 'member-lead' from b_consortia`);
  await exec(`create temp table b_orgs as
    select c.n as cn, c.id as consortium_id, k, gen_random_uuid() as id,
      case when k <= 6 then 'member' else 'partner' end::organization_kind as kind,
      case when k <= 6 then 'Association ' || (${textArray(PLACE_NAMES)})[1 + (c.n + k) % ${PLACE_NAMES.length}]
           else (${textArray(PARTNERS.map((p) => p[0]))})[k - 6] || ' — ' || c.territory end as name,
      case when k <= 6 then null else (${textArray(PARTNERS.map((p) => p[1]))})[k - 6] end::partner_type as partner_type
    from b_consortia c cross join generate_series(1, ${6 + SHAPE.partners}) k`);
  await exec(`insert into organizations (id, consortium_id, kind, name, partner_type, legal_form)
    select id, consortium_id, kind, name, partner_type, case when kind = 'member' then 'Association loi 1901' end from b_orgs`);
  await exec(`insert into member_periods (consortium_id, organization_id, joined_on)
    select consortium_id, id, date '2023-01-01' from b_orgs where kind = 'member'`);
  await exec(`create temp table b_places as
    select o.cn, o.consortium_id, o.k, gen_random_uuid() as id, o.id as org_id,
      (${textArray(PLACE_NAMES)})[1 + (o.cn + o.k) % ${PLACE_NAMES.length}] as name,
      (${textArray(PLACE_NAMES.map(slugOf))})[1 + (o.cn + o.k) % ${PLACE_NAMES.length}] as slug,
      (array[${SHAPE.placeWeights.join(",")}])[o.k] as weight,
      (array[${cumulative.join(",")}])[o.k] as cum_lo,
      (array[${cumulative.join(",")}, 1.0000001])[o.k + 1] as cum_hi,
      c.lat + (random() - 0.5) * 0.3 as lat, c.lng + (random() - 0.5) * 0.4 as lng
    from b_orgs o join b_consortia c on c.n = o.cn where o.kind = 'member'`);
  await exec(`insert into places (id, consortium_id, organization_id, slug, name, city, postal_code, latitude, longitude, activities, accessibility)
    select id, consortium_id, org_id, slug, name, 'Commune ' || k, lpad((1000 + cn * 37 % 94000)::text, 5, '0'), lat, lng,
      array['fablab', 'café associatif'], array['step_free', 'accessible_toilets'] from b_places`);
  await exec(`create temp table b_spaces as
    select p.cn, p.k, p.id as place_id, p.consortium_id, s, gen_random_uuid() as id from b_places p cross join generate_series(1, ${SHAPE.spacesPerPlace}) s`);
  await exec(`insert into spaces (id, consortium_id, place_id, name, capacity)
    select id, consortium_id, place_id, (array['Grande salle', 'Atelier', 'Salle de réunion'])[s], (array[80, 20, 12])[s] from b_spaces`);

  // ---------------------------------------------------------------- the account that signs in (coordinator everywhere)
  const passwordHash = await hash(BENCH_USER.password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  await exec(`with u as (
      insert into users (id, name, email, email_verified) values (gen_random_uuid()::text, ${quote(BENCH_USER.name)}, ${quote(BENCH_USER.email)}, true)
      returning id),
    a as (insert into accounts (id, account_id, provider_id, user_id, password) select gen_random_uuid()::text, id, 'credential', id, ${quote(passwordHash)} from u)
    insert into consortium_accounts (consortium_id, user_id, role) select c.id, u.id, 'coordinator' from b_consortia c, u`);

  await exec("create temp table b_titles (i int primary key, title text not null, title_key text not null)");
  await exec(
    `insert into b_titles values ${titleList.map((x, i) => `(${i + 1}, ${quote(x.title)}, ${quote(x.key)})`).join(",")}`,
  );
  log(
    `  directory: ${consortiaCount} consortia, ${consortiaCount * 6} places (${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );

  // ---------------------------------------------------------------- events, chunk by chunk
  // One staging row per event with everything drawn at random; events, organisers, co-organisation records
  // and occurrences are then written from it.
  await exec(`create temp table b_ev (
    id uuid, consortium_id uuid, cn int, title text, title_key text, description text, venue event_venue,
    place_id uuid, space_id uuid, partner_id uuid, venue_name text, online_url text, all_day boolean,
    starts_at timestamptz, ends_at timestamptz, rrule text, audiences text[], themes text[], price text,
    accessibility text[], capacity int, visibility event_visibility, status event_status, org1 uuid, org2 uuid)`);

  // The columns every kind of event draws the same way, from a row `g` of random numbers r1…r9.
  const common = `
    t.title, t.title_key,
    case when g.r1 < 0.6 then (${textArray(DESCRIPTIONS)})[1 + floor(g.r1 / 0.6 * ${DESCRIPTIONS.length})::int] end,
    case when g.r2 < 0.7 then array[(${textArray(AUDIENCE_DRAW)})[1 + floor(g.r2 / 0.7 * ${AUDIENCE_DRAW.length})::int]]
         else array(select distinct x from unnest(array[
           (${textArray(AUDIENCE_DRAW)})[1 + floor((g.r2 - 0.7) / 0.3 * ${AUDIENCE_DRAW.length})::int],
           (${textArray(EVENT_AUDIENCES)})[1 + floor(g.r3 * ${EVENT_AUDIENCES.length})::int]]) x) end,
    case when g.r4 < 0.6 then array[(${textArray(THEMES)})[1 + floor(g.r4 / 0.6 * ${THEMES.length})::int]]
         else array(select distinct x from unnest(array[
           (${textArray(THEMES)})[1 + floor((g.r4 - 0.6) / 0.4 * ${THEMES.length})::int],
           (${textArray(THEMES)})[1 + floor(g.r3 * ${THEMES.length})::int]]) x) end,
    (array['Gratuit', 'Prix libre', '5 €', null])[1 + floor(g.r5 * 4)::int],
    case when g.r6 < 0.5 then array['step_free', 'accessible_toilets'] else '{}'::text[] end,
    case when g.r6 < 0.5 then 12 + floor(g.r6 * 200)::int end,
    case when g.r7 < 0.7 then 'public' when g.r7 < 0.95 then 'consortium' else 'draft' end::event_visibility,
    case when g.r8 < 0.85 then 'confirmed' when g.r8 < 0.97 then 'tentative' else 'cancelled' end::event_status`;
  const randoms =
    "random() as r1, random() as r2, random() as r3, random() as r4, random() as r5, random() as r6, random() as r7, random() as r8, random() as r9, random() as ra, random() as rb, random() as rc, random() as rd";
  const titleJoin = `join b_titles t on t.i = 1 + floor(g.rc * ${titleList.length})::int`;
  // A co-organiser for one event in ten: another member organisation of the consortium.
  const coOrganizer = (firstK: string) =>
    `case when g.rd < 0.1 then (select o.id from b_orgs o where o.cn = g.cn and o.k = 1 + (${firstK} + floor(g.rd * 50)::int) % 6) end`;
  await exec("create index on b_orgs (cn, k)");
  await exec("analyze b_orgs");
  const columns =
    "id, consortium_id, cn, title, title_key, description, audiences, themes, price, accessibility, capacity, visibility, status, venue, place_id, space_id, partner_id, venue_name, online_url, all_day, starts_at, ends_at, rrule, org1, org2";

  const chunkSize = Math.max(1, Math.min(25, Math.ceil(consortiaCount / 12)));
  const eventsStarted = performance.now();
  for (let lo = 1; lo <= consortiaCount; lo += chunkSize) {
    const hi = Math.min(consortiaCount, lo + chunkSize - 1);
    t = performance.now();
    await exec("truncate b_ev");
    // Single events in a space: one per cell of a grid (space × day × slot) drawn by stride, so that two of them
    // never share a space at the same time; slots 10:00–12:00, 14:00–17:00, 18:30–21:00.
    await exec(`insert into b_ev (${columns})
      select gen_random_uuid(), g.consortium_id, g.cn, ${common},
        'place', g.place_id, sp.id, null, null, null, false,
        ${paris(local("g.cell / 9", "(array[interval '10:00', interval '14:00', interval '18:30'])[1 + g.cell % 3]"))},
        ${paris(local("g.cell / 9", "(array[interval '12:00', interval '17:00', interval '21:00'])[1 + g.cell % 3]"))},
        null, g.org_id, ${coOrganizer("g.k")}
      from (
        select p.cn, p.consortium_id, p.k, p.id as place_id, p.org_id, j * s.stride + floor(random() * s.stride)::int as cell, ${randoms}
        from b_places p
        cross join lateral (select greatest(1, round(${SHAPE.spaceEvents} * p.weight))::int as n) c
        cross join lateral (select (${9 * days} / c.n) as stride) s
        cross join lateral generate_series(0, c.n - 1) j
        where p.cn between ${lo} and ${hi}
        offset 0) g
      join b_spaces sp on sp.place_id = g.place_id and sp.s = 1 + (g.cell % 9) / 3
      ${titleJoin}`);
    // Single events without a space: at a place (weighted), at a partner's, or online; 4 % last all day.
    await exec(`insert into b_ev (${columns})
      select gen_random_uuid(), g.consortium_id, g.cn, ${common},
        v.venue::event_venue, case when v.venue = 'place' then p.id end, null,
        case when v.venue = 'partner' then pa.id end, case when v.venue = 'partner' then pa.name end,
        case when v.venue = 'online' then 'https://visio.exemple.org/' || substr(md5(g.r9::text), 1, 10) end,
        g.all_day, ${paris(local("g.day", "case when g.all_day then interval '0' else g.start_time end"))},
        ${paris(local("g.day", "case when g.all_day then interval '1 day' else g.start_time + g.duration end"))},
        null, case when v.venue = 'place' then p.org_id else (select o.id from b_orgs o where o.cn = g.cn and o.k = 1 + floor(g.ra * 6)::int) end,
        ${coOrganizer("case when v.venue = 'place' then p.k else 1 + floor(g.ra * 6)::int end")}
      from (
        select c.n as cn, c.id as consortium_id, floor(random() * ${days})::int as day, random() < 0.04 as all_day,
          (array[interval '09:30', interval '10:00', interval '14:00', interval '14:30', interval '17:00', interval '18:00', interval '18:30', interval '19:00', interval '20:00'])[1 + floor(random() * 9)::int] as start_time,
          (array[interval '1 hour', interval '90 minutes', interval '2 hours', interval '3 hours'])[1 + floor(random() * 4)::int] as duration,
          ${randoms}
        from b_consortia c cross join generate_series(1, ${freeEvents}) i
        where c.n between ${lo} and ${hi}
        offset 0) g
      cross join lateral (select case when g.rb < 0.8 then 'place' when g.rb < 0.9 then 'partner' else 'online' end as venue) v
      join b_places p on p.cn = g.cn and g.ra >= p.cum_lo and g.ra < p.cum_hi
      join b_orgs pa on pa.cn = g.cn and pa.k = 7 + floor(g.r9 * ${SHAPE.partners})::int
      ${titleJoin}`);
    // Series: weekly (COUNT 24–64), every two weeks (12–40) or monthly on a date up to the 28th (6–18), at a place
    // (weighted) or online, without a space. Their first dates are spread so that the generated months all hold
    // as many occurrences: some series began before them, some end after.
    await exec(`insert into b_ev (${columns})
      select gen_random_uuid(), g.consortium_id, g.cn, ${common},
        case when g.rb < 0.9 then 'place' else 'online' end::event_venue, case when g.rb < 0.9 then p.id end, null, null, null,
        case when g.rb >= 0.9 then 'https://visio.exemple.org/' || substr(md5(g.r9::text), 1, 10) end,
        false, ${paris(local("dy.day", "g.start_time"))}, ${paris(local("dy.day", "g.start_time + g.duration"))},
        case fq.freq
          when 'weekly' then 'FREQ=WEEKLY;BYDAY=' || bd.byday || ';COUNT=' || ct.count
          when 'biweekly' then 'FREQ=WEEKLY;INTERVAL=2;BYDAY=' || bd.byday || ';COUNT=' || ct.count
          else 'FREQ=MONTHLY;BYMONTHDAY=' || extract(day from date '${firstDay}' + dy.day)::int || ';COUNT=' || ct.count end,
        case when g.rb < 0.9 then p.org_id else (select o.id from b_orgs o where o.cn = g.cn and o.k = 1 + floor(g.ra * 6)::int) end,
        ${coOrganizer("case when g.rb < 0.9 then p.k else 1 + floor(g.ra * 6)::int end")}
      from (
        select c.n as cn, c.id as consortium_id, random() as rf, random() as rcount, random() as rstart,
          (array[interval '10:00', interval '14:00', interval '16:30', interval '18:00', interval '18:30', interval '19:00', interval '20:00'])[1 + floor(random() * 7)::int] as start_time,
          (array[interval '90 minutes', interval '2 hours', interval '3 hours'])[1 + floor(random() * 3)::int] as duration,
          ${randoms}
        from b_consortia c cross join generate_series(1, ${SHAPE.series}) i
        where c.n between ${lo} and ${hi}
        offset 0) g
      cross join lateral (select case when g.rf < 0.75 then 'weekly' when g.rf < 0.9 then 'biweekly' else 'monthly' end as freq) fq
      cross join lateral (select case fq.freq when 'weekly' then 24 + floor(g.rcount * 41)::int
        when 'biweekly' then 12 + floor(g.rcount * 29)::int else 6 + floor(g.rcount * 13)::int end as count) ct
      cross join lateral (select case fq.freq when 'weekly' then ct.count * 7 when 'biweekly' then ct.count * 14
        else ceil(ct.count * 30.44)::int end as span) sp
      cross join lateral (select floor(g.rstart * (${days} + sp.span))::int - sp.span as d0) d0
      cross join lateral (select extract(day from date '${firstDay}' + d0.d0)::int as dom) dm
      -- A monthly series keeps to the 28th at the latest, so that every month has its date.
      cross join lateral (select case when fq.freq = 'monthly' then d0.d0 - dm.dom + least(dm.dom, 28) else d0.d0 end as day) dy
      cross join lateral (select (array['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])[extract(isodow from date '${firstDay}' + dy.day)::int] as byday) bd
      join b_places p on p.cn = g.cn and g.ra >= p.cum_lo and g.ra < p.cum_hi
      ${titleJoin}`);

    await exec(`insert into events (id, consortium_id, uid, title, title_key, description, venue, place_id, space_id, partner_id,
        venue_name, online_url, all_day, starts_at, ends_at, rrule, audiences, themes, price, accessibility, capacity, visibility, status)
      select id, consortium_id, id || '@maillage', title, title_key, description, venue, place_id, space_id, partner_id,
        venue_name, online_url, all_day, starts_at, ends_at, rrule, audiences, themes, price, accessibility, capacity, visibility, status
      from b_ev`);
    await exec(`insert into event_organizers (event_id, organization_id, consortium_id)
      select id, org1, consortium_id from b_ev union all select id, org2, consortium_id from b_ev where org2 is not null`);
    // A co-organised event is a cooperation (events.store.ts writes the same row).
    await exec(`insert into cooperations (consortium_id, kind, source_type, source_id, organization_ids, occurred_on)
      select consortium_id, 'co_organisation', 'event', id, array[least(org1, org2), greatest(org1, org2)],
        (starts_at at time zone 'Europe/Paris')::date
      from b_ev where org2 is not null`);
    await exec(`insert into event_occurrences (event_id, consortium_id, original_start, starts_at, ends_at, place_id, space_id,
        status, visibility, audiences, title_key, modified)
      select id, consortium_id, starts_at, starts_at, ends_at, place_id, space_id, status, visibility, audiences, title_key, false
      from b_ev where rrule is null`);
    // Each series, occurrence by occurrence, on Paris wall-clock time: the local start moves by whole weeks or
    // months and is placed in Paris again, so 19:00 stays 19:00 across the clock changes. About 3 % of the
    // occurrences after the first are cancelled through an exception, as "cancel this one" does.
    const seriesOccurrences = `
      from b_ev e
      cross join lateral (select e.starts_at at time zone 'Europe/Paris' as l0,
        (e.ends_at at time zone 'Europe/Paris') - (e.starts_at at time zone 'Europe/Paris') as dur,
        substring(e.rrule from 'COUNT=([0-9]+)')::int as count,
        case when e.rrule like 'FREQ=MONTHLY%' then interval '1 month'
             else interval '7 days' * coalesce(substring(e.rrule from 'INTERVAL=([0-9]+)')::int, 1) end as step) r
      cross join lateral generate_series(0, r.count - 1) n
      cross join lateral (select ((r.l0 + r.step * n) at time zone 'Europe/Paris') as starts_at,
        ((r.l0 + r.step * n + r.dur) at time zone 'Europe/Paris') as ends_at,
        n > 0 and (hashtext(e.id::text || ':' || n) & 65535) % 100 < 3 as cancelled) o
      where e.rrule is not null`;
    await exec(`insert into event_occurrences (event_id, consortium_id, original_start, starts_at, ends_at, place_id, space_id,
        status, visibility, audiences, title_key, modified)
      select e.id, e.consortium_id, o.starts_at, o.starts_at, o.ends_at, e.place_id, e.space_id,
        case when o.cancelled then 'cancelled' else e.status end, e.visibility, e.audiences, e.title_key, o.cancelled
      ${seriesOccurrences}`);
    await exec(`insert into event_exceptions (event_id, consortium_id, original_start, cancelled)
      select e.id, e.consortium_id, o.starts_at, true ${seriesOccurrences} and o.cancelled`);
    const done = hi * SHAPE.events;
    const elapsed = (performance.now() - eventsStarted) / 1000;
    log(
      `  events: consortia ${lo}–${hi} of ${consortiaCount} (${((performance.now() - t) / 1000).toFixed(1)} s; ` +
        `${done.toLocaleString("en")} events in ${elapsed.toFixed(0)} s)`,
    );
  }

  t = performance.now();
  await exec("vacuum analyze");
  log(`  vacuum analyze (${((performance.now() - t) / 1000).toFixed(1)} s)`);

  const count = async (table: string) => Number((await exec(`select count(*)::int as n from ${table}`))[0].n);
  const counts: Record<string, number> = {};
  for (const table of ["events", "event_occurrences", "event_organizers", "event_exceptions", "cooperations"])
    counts[table] = await count(table);
  counts.series = Number((await exec("select count(*)::int as n from events where rrule is not null"))[0].n);

  const consortia = (await exec("select id, slug from b_consortia order by n")) as Array<{ id: string; slug: string }>;
  const places = (await exec(`select p.id, p.slug, p.org_id, array_agg(s.id::text order by s.s) as space_ids
      from b_places p join b_spaces s on s.place_id = p.id where p.cn = 1 group by p.id, p.slug, p.org_id, p.k order by p.k`)) as Array<{
    id: string;
    slug: string;
    org_id: string;
    space_ids: string[];
  }>;
  return {
    firstDay,
    months: SHAPE.months,
    consortia,
    target: {
      ...consortia[0],
      places: places.map((p) => ({ id: p.id, slug: p.slug, spaceIds: p.space_ids, organizationId: p.org_id })),
    },
    counts,
  };
}

/**
 * Compares the stored occurrences of a sample of series with what the app's own expansion (`expandSeries`, the
 * function `materialize` uses) makes of their rule: the generated data must be what the app would have written.
 */
export async function checkSeries(exec: Exec, sample = 40): Promise<{ checked: number; mismatches: string[] }> {
  const series = (await exec(
    `select id, starts_at, ends_at, all_day, rrule from events where rrule is not null order by id limit ${sample}`,
  )) as Array<{ id: string; starts_at: Date | string; ends_at: Date | string; all_day: boolean; rrule: string }>;
  const mismatches: string[] = [];
  for (const s of series) {
    const exceptions = (await exec(
      `select original_start from event_exceptions where event_id = '${s.id}' and cancelled`,
    )) as Array<{ original_start: Date | string }>;
    const expected = expandSeries({
      startsAt: new Date(s.starts_at),
      endsAt: new Date(s.ends_at),
      allDay: s.all_day,
      rrule: s.rrule,
      exceptions: exceptions.map((x) => ({ originalStart: new Date(x.original_start), cancelled: true })),
    });
    const stored = (await exec(
      `select original_start, starts_at, ends_at, status from event_occurrences where event_id = '${s.id}' order by original_start`,
    )) as Array<{ original_start: Date | string; starts_at: Date | string; ends_at: Date | string; status: string }>;
    const show = (o: { startsAt: Date; endsAt: Date; cancelled: boolean }) =>
      `${o.startsAt.toISOString()}/${o.endsAt.toISOString()}${o.cancelled ? " cancelled" : ""}`;
    const a = expected.map(show);
    const b = stored.map((o) =>
      show({ startsAt: new Date(o.starts_at), endsAt: new Date(o.ends_at), cancelled: o.status === "cancelled" }),
    );
    const statusOf = (x: string) => x.endsWith("cancelled");
    // A series whose event is cancelled has every occurrence cancelled, exception or not.
    const same =
      a.length === b.length && a.every((x, i) => x.split(" ")[0] === b[i].split(" ")[0] && (statusOf(x) ? statusOf(b[i]) : true));
    if (!same)
      mismatches.push(`${s.id} ${s.rrule}: expected ${a.length} occurrences, stored ${b.length} (first ${a[0]} vs ${b[0]})`);
  }
  return { checked: series.length, mismatches };
}
