export {
  parseLabelSelector, labelSelectorMatcher, matcherFromRequirements, formatLabelSelector, labelsSelectorString,
  LabelSelectorError, EVERYTHING, NOTHING,
} from './labels';
export type { LabelSelectorMatcher, LabelRequirement, LabelOperator } from './labels';
export { parseFieldSelector, supportedFields, FieldSelectorError } from './fields';
export type { FieldSelectorMatcher, FieldRequirement } from './fields';
