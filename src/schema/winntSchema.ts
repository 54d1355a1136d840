/**
 * The WinNT schema for the classes in scope: spec §10 (mandatory/optional properties), §6-9 (types and
 * access), §10 "generic syntax names". One definition drives the property cache, the schema objects
 * (Class/Property/Syntax) and `obj.Schema`.
 */

import { foldName } from "../names/foldName.js";
import { deepFreeze } from "../shared/deepFreeze.js";

/** ADSI syntax names used here (spec §10; the per-property assignment is [U] where noted). */
export type SyntaxName = "String" | "Integer" | "ADsPath" | "Path" | "List";

/** A syntax object's data: its OLE Automation type (VT_*). */
export interface SyntaxDefinition {
  readonly name: SyntaxName;
  /** VARENUM: VT_BSTR 8, VT_I4 3, VT_VARIANT|VT_ARRAY 0x200C. */
  readonly oleAutoDataType: number;
}

/** A property of the schema. */
export interface PropertyDefinition {
  /** ADSI name, exact spelling. */
  readonly name: string;
  readonly syntax: SyntaxName;
  readonly multiValued: boolean;
}

/** A class of the schema. */
export interface ClassDefinition {
  /** Class name as `IADs.Class` returns it (spec §1.3). */
  readonly name: string;
  readonly mandatory: readonly string[];
  readonly optional: readonly string[];
  /** Properties that are read-only (derived by the server; Put is refused). */
  readonly readOnly: readonly string[];
  /** Whether objects of the class are containers. */
  readonly container: boolean;
  /** Classes an object of this class may contain. */
  readonly containment: readonly string[];
  /** Name of the primary interface. */
  readonly primaryInterface: string;
}

/** Syntaxes (spec §10, ADSI20 ds2cli_6837). */
export const SYNTAXES: readonly SyntaxDefinition[] = deepFreeze([
  { name: "String", oleAutoDataType: 8 },
  { name: "Integer", oleAutoDataType: 3 },
  { name: "ADsPath", oleAutoDataType: 8 },
  { name: "Path", oleAutoDataType: 8 },
  { name: "List", oleAutoDataType: 0x200c },
]);

const P = (name: string, syntax: SyntaxName, multiValued = false): PropertyDefinition =>
  Object.freeze({ name, syntax, multiValued });

/** Properties (syntax assignments for Session/Resource numbers are [U], spec §6). */
export const PROPERTIES: readonly PropertyDefinition[] = deepFreeze([
  P("Division", "String"),
  P("Owner", "String"),
  P("OperatingSystem", "String"),
  P("OperatingSystemVersion", "String"),
  P("Processor", "String"),
  P("ProcessorCount", "String"),
  P("HostComputer", "ADsPath"),
  P("DisplayName", "String"),
  P("Version", "String"),
  P("ServiceType", "Integer"),
  P("StartType", "Integer"),
  P("Path", "Path"),
  P("ErrorControl", "Integer"),
  P("LoadOrderGroup", "String"),
  P("ServiceAccountName", "String"),
  P("Dependencies", "List", true),
  P("Description", "String"),
  P("MaxUserCount", "Integer"),
  P("CurrentUserCount", "Integer"),
  P("User", "String"),
  P("Computer", "String"),
  P("ConnectTime", "Integer"),
  P("IdleTime", "Integer"),
  P("LockCount", "Integer"),
]);

const SERVICE_PROPS = ["HostComputer", "LoadOrderGroup", "ServiceAccountName", "Dependencies"];
const FILE_SERVICE_PROPS = [
  "HostComputer",
  "DisplayName",
  "Version",
  "ServiceType",
  "StartType",
  "Path",
  "ErrorControl",
  "LoadOrderGroup",
  "Description",
  "MaxUserCount",
  "ServiceAccountName",
  "Dependencies",
];

/** Shared by every emulator, so frozen deeply (issue 7 item 2): no object can change another emulator's schema. */
const C = (definition: ClassDefinition): ClassDefinition => deepFreeze(definition);

/** A session or resource class: optional properties only, all of them read-only (spec §6-7, §10). */
function dependentClass(
  name: string,
  properties: readonly string[],
  primaryInterface: string,
): ClassDefinition {
  return C({
    name,
    mandatory: [],
    optional: properties,
    readOnly: properties,
    container: false,
    containment: [],
    primaryInterface,
  });
}

/** Classes (spec §10; FPNW classes per the current docs, spec §15 item 14). */
export const CLASSES: readonly ClassDefinition[] = deepFreeze([
  C({
    name: "Namespace",
    mandatory: [],
    optional: [],
    readOnly: [],
    container: true,
    containment: ["Domain"],
    primaryInterface: "IADs",
  }),
  C({
    name: "Domain",
    mandatory: [],
    optional: [],
    readOnly: [],
    container: true,
    containment: ["Computer", "User", "Group"],
    primaryInterface: "IADsDomain",
  }),
  C({
    name: "Computer",
    mandatory: [],
    optional: [
      "Division",
      "Owner",
      "OperatingSystem",
      "OperatingSystemVersion",
      "Processor",
      "ProcessorCount",
    ],
    readOnly: [],
    container: true,
    containment: ["User", "Group", "Service", "FileService", "PrintQueue"],
    primaryInterface: "IADsComputer",
  }),
  C({
    name: "Service",
    mandatory: ["StartType", "ServiceType", "DisplayName", "Path", "ErrorControl"],
    optional: SERVICE_PROPS,
    readOnly: ["HostComputer"],
    container: false,
    containment: [],
    primaryInterface: "IADsService",
  }),
  C({
    name: "FileService",
    mandatory: [],
    optional: FILE_SERVICE_PROPS,
    readOnly: ["HostComputer"],
    container: true,
    containment: ["FileShare"],
    primaryInterface: "IADsFileService",
  }),
  C({
    name: "FPNWFileService",
    mandatory: [],
    optional: FILE_SERVICE_PROPS,
    readOnly: ["HostComputer"],
    container: true,
    containment: ["FPNWFileShare"],
    primaryInterface: "IADsFileService",
  }),
  C({
    name: "FileShare",
    mandatory: ["Path", "MaxUserCount"],
    optional: ["CurrentUserCount", "Description", "HostComputer"],
    readOnly: ["CurrentUserCount", "HostComputer"],
    container: false,
    containment: [],
    primaryInterface: "IADsFileShare",
  }),
  C({
    name: "FPNWFileShare",
    mandatory: ["Path", "MaxUserCount"],
    optional: ["CurrentUserCount", "HostComputer"],
    readOnly: ["CurrentUserCount", "HostComputer"],
    container: false,
    containment: [],
    primaryInterface: "IADsFileShare",
  }),
  dependentClass("Session", ["User", "Computer", "ConnectTime", "IdleTime"], "IADsSession"),
  dependentClass("FPNWSession", ["User", "Computer", "ConnectTime"], "IADsSession"),
  dependentClass("Resource", ["User", "Path", "LockCount"], "IADsResource"),
  dependentClass("FPNWResource", ["User", "Path", "LockCount"], "IADsResource"),
]);

/** Classes that exist in the WinNT schema but are not modelled by the emulator yet (spec §1.1). */
export const UNMODELLED_CLASSES: readonly string[] = Object.freeze([
  "User",
  "Group",
  "LocalGroup",
  "PrintQueue",
  "PrintJob",
]);

/** Classes of the schema container itself (spec §1.1). */
export const SCHEMA_OBJECT_CLASSES: readonly string[] = Object.freeze([
  "Schema",
  "Class",
  "Property",
  "Syntax",
]);

function byName<T extends { readonly name: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [foldName(item.name), item]));
}

const CLASS_BY_NAME = byName(CLASSES);
const PROPERTY_BY_NAME = byName(PROPERTIES);
const SYNTAX_BY_NAME = byName(SYNTAXES);
const KNOWN_CLASS_NAMES = byName(
  [...CLASSES.map((c) => c.name), ...UNMODELLED_CLASSES, ...SCHEMA_OBJECT_CLASSES].map((name) => ({ name })),
);

/** The class definition, looked up case-insensitively (spec §1.3). */
export function findClass(name: string): ClassDefinition | undefined {
  return typeof name === "string" ? CLASS_BY_NAME.get(foldName(name)) : undefined;
}

/** The property definition, looked up case-insensitively. */
export function findProperty(name: string): PropertyDefinition | undefined {
  return typeof name === "string" ? PROPERTY_BY_NAME.get(foldName(name)) : undefined;
}

/** The syntax definition, looked up case-insensitively. */
export function findSyntax(name: string): SyntaxDefinition | undefined {
  return typeof name === "string" ? SYNTAX_BY_NAME.get(foldName(name)) : undefined;
}

/** The canonical spelling of any WinNT class name (modelled or not), or undefined when it is not a class (spec §1.3). */
export function canonicalClassName(name: string): string | undefined {
  return typeof name === "string" ? KNOWN_CLASS_NAMES.get(foldName(name))?.name : undefined;
}

/** The property of `classDefinition` named `name` (case-insensitive), or undefined when the class lacks it. */
export function classProperty(
  classDefinition: ClassDefinition,
  name: string,
): PropertyDefinition | undefined {
  if (typeof name !== "string") return undefined;
  let known = classProperties.get(classDefinition);
  if (known === undefined) {
    known = new Map();
    classProperties.set(classDefinition, known);
  }
  const found = known.get(name);
  if (found !== undefined) return found ?? undefined;
  const property = findProperty(name);
  const inClass =
    property !== undefined &&
    (classDefinition.mandatory.includes(property.name) || classDefinition.optional.includes(property.name));
  // Bounded: the names a script asks for are few; an attacker's random names only refill it.
  if (known.size >= 256) known.clear();
  known.set(name, inClass ? property : null);
  return inClass ? property : undefined;
}

/** Properties by the spelling they were asked for, per class (null: not a property of the class). */
const classProperties = new WeakMap<ClassDefinition, Map<string, PropertyDefinition | null>>();
