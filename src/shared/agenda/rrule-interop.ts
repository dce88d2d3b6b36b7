import * as rruleModule from "rrule";

type RRuleModule = typeof rruleModule;

// rrule 2.8 ships CommonJS to Node, where its exports sit behind `default`, and ES modules to bundlers, where
// there is no `default`. Copying the namespace keeps bundlers from flagging the branch they will not take.
const loaded = { ...rruleModule } as Partial<RRuleModule> & { default?: RRuleModule };
const rrule = (loaded.RRule ? loaded : loaded.default) as RRuleModule;

export const RRule = rrule.RRule;
export type RRule = InstanceType<RRuleModule["RRule"]>;
export type RRuleOptions = ConstructorParameters<RRuleModule["RRule"]>[0];
