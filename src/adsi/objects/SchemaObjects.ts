import { AdsError } from "../../errors/AdsError.js";
import {
  CLASSES,
  type ClassDefinition,
  findClass,
  findProperty,
  findSyntax,
  PROPERTIES,
  type PropertyDefinition,
  SYNTAXES,
  type SyntaxDefinition,
} from "../../schema/winntSchema.js";
import { AdsContainer, CONTAINER_INTERFACES } from "../core/AdsContainer.js";
import { AdsObject, IADS_INTERFACES } from "../core/AdsObject.js";
import {
  defineNotImplementedAccessors,
  defineUnsupportedAccessors,
  sealFacadeClass,
} from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import { contextOf } from "../core/internals.js";
import { adsPathOf } from "../core/paths.js";

const CLASS_INTERFACES = Object.freeze([...IADS_INTERFACES, "IADsClass"]);
const PROPERTY_INTERFACES = Object.freeze([...IADS_INTERFACES, "IADsProperty"]);
const SYNTAX_INTERFACES = Object.freeze([...IADS_INTERFACES, "IADsSyntax"]);

/** Maximum of a WinNT Integer (VT_I4) range. */
const INT32_MAX = 0x7fffffff;

const CONTAINER = Object.freeze([...IADS_INTERFACES, ...CONTAINER_INTERFACES]);

/** The schema container `WinNT://<domain>/Schema` (spec §1.2, §10): classes, properties, syntaxes. */
export class SchemaContainerObject extends AdsContainer {
  /** Binds the schema container of domain `domain` (directory spelling). */
  constructor(context: BindContext, domain: string) {
    const names = {
      name: "Schema",
      className: "Schema",
      adsPath: adsPathOf([domain, "Schema"]),
      parent: adsPathOf([domain]),
      schema: undefined,
    };
    super(
      context,
      names,
      CONTAINER,
      {},
      {
        list: () => [
          ...CLASSES.map((c) => new ClassObject(context, domain, c)),
          ...PROPERTIES.map((p) => new PropertyObject(context, domain, p)),
          ...SYNTAXES.map((s) => new SyntaxObject(context, domain, s)),
        ],
        find: (className, name) => findSchemaObject(context, domain, className, name),
      },
    );
  }
}
sealFacadeClass(SchemaContainerObject);

function findSchemaObject(
  context: BindContext,
  domain: string,
  className: string | undefined,
  name: string,
): AdsObject {
  const cls = className === undefined || className === "Class" ? findClass(name) : undefined;
  if (cls) return new ClassObject(context, domain, cls);
  const property = className === undefined || className === "Property" ? findProperty(name) : undefined;
  if (property) return new PropertyObject(context, domain, property);
  const syntax = className === undefined || className === "Syntax" ? findSyntax(name) : undefined;
  if (syntax) return new SyntaxObject(context, domain, syntax);
  throw new AdsError("E_ADS_UNKNOWN_OBJECT", `no schema object ${name}`);
}

function schemaChildNames(domain: string, className: string, name: string) {
  return {
    name,
    className,
    adsPath: adsPathOf([domain, "Schema", name]),
    parent: adsPathOf([domain, "Schema"]),
    schema: undefined,
  };
}

/** A class of the schema: IADsClass (spec §10), e.g. `GetObject(share.Schema).MandatoryProperties`. */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the unimplemented members are installed below
export class ClassObject extends AdsObject {
  readonly #definition: ClassDefinition;

  /** Binds the class object for `definition`. */
  constructor(context: BindContext, domain: string, definition: ClassDefinition) {
    super(context, schemaChildNames(domain, "Class", definition.name), CLASS_INTERFACES);
    this.#definition = definition;
  }

  get PrimaryInterface(): string {
    return this.#definition.primaryInterface;
  }
  get CLSID(): string {
    return contextOf(this).core.profile.classGuids[this.#definition.name] ?? "";
  }
  get OID(): string {
    return "";
  }
  get Abstract(): boolean {
    return false;
  }
  get Auxiliary(): boolean {
    return false;
  }
  get MandatoryProperties(): readonly string[] {
    return [...this.#definition.mandatory];
  }
  get OptionalProperties(): readonly string[] {
    return [...this.#definition.optional];
  }
  get PossibleSuperiors(): readonly string[] {
    return CLASSES.filter((c) => c.containment.includes(this.#definition.name)).map((c) => c.name);
  }
  get Containment(): readonly string[] {
    return [...this.#definition.containment];
  }
  get Container(): boolean {
    return this.#definition.container;
  }
  get HelpFileName(): string {
    return "";
  }
  get HelpFileContext(): number {
    return 0;
  }
  /** IADsClass.Qualifiers: not implemented by WinNT (spec §10). */
  Qualifiers(): never {
    throw new AdsError("E_NOTIMPL", "IADsClass.Qualifiers is not implemented by WinNT");
  }
}
/** The IADsClass members WinNT does not implement or support (spec §10), merged onto the class. */
export interface ClassObject {
  readonly NamingProperties: never;
  readonly DerivedFrom: never;
  readonly AuxDerivedFrom: never;
}
defineNotImplementedAccessors(ClassObject, ["NamingProperties"]);
defineUnsupportedAccessors(ClassObject, ["DerivedFrom", "AuxDerivedFrom"]);
sealFacadeClass(ClassObject);

/** A property of the schema: IADsProperty (spec §10). */
export class PropertyObject extends AdsObject {
  readonly #definition: PropertyDefinition;

  /** Binds the property object for `definition`. */
  constructor(context: BindContext, domain: string, definition: PropertyDefinition) {
    super(context, schemaChildNames(domain, "Property", definition.name), PROPERTY_INTERFACES);
    this.#definition = definition;
  }

  get OID(): string {
    return "";
  }
  get Syntax(): string {
    return this.#definition.syntax;
  }
  get MinRange(): number {
    return 0;
  }
  get MaxRange(): number {
    return this.#definition.syntax === "Integer" ? INT32_MAX : 256;
  }
  get MultiValued(): boolean {
    return this.#definition.multiValued;
  }
  /** IADsProperty.Qualifiers: not implemented by WinNT (spec §10). */
  Qualifiers(): never {
    throw new AdsError("E_NOTIMPL", "IADsProperty.Qualifiers is not implemented by WinNT");
  }
}
sealFacadeClass(PropertyObject);

/** A syntax of the schema: IADsSyntax (spec §10). */
export class SyntaxObject extends AdsObject {
  readonly #definition: SyntaxDefinition;

  /** Binds the syntax object for `definition`. */
  constructor(context: BindContext, domain: string, definition: SyntaxDefinition) {
    super(context, schemaChildNames(domain, "Syntax", definition.name), SYNTAX_INTERFACES);
    this.#definition = definition;
  }

  get OleAutoDataType(): number {
    return this.#definition.oleAutoDataType;
  }
}
sealFacadeClass(SyntaxObject);
