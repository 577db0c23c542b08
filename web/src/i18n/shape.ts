// The shape of a set of UI strings: the same sections and keys as the Swedish original, every
// leaf a string. Used to type the English files against the Swedish ones.
export type Shape<T> = { [K in keyof T]: { [L in keyof T[K]]: string } };
