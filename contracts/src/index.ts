import "./zodConfig";

export * from "./analytics";
export * from "./audit";
export * from "./auth";
export * from "./clients";
export * from "./deals";
export * from "./errors";
export * from "./propensity";
export * from "./roles";
export * from "./service";
export * from "./staff";
export * from "./stock";
export * from "./tasks";
export * from "./telephony";
export * from "./workspace";
