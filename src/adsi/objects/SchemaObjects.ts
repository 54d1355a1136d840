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
  guardGetOnlyMembers,
} from "../core/comShape.js";
import type { BindContext } from "../core/context.js";
import { adsPathOf } from "../core/paths.js";

/** Maximum of a WinNT Integer (VT_I4) range. */
const INT32_MAX = 0x7fffffff;

/** The schema container `WinNT://<domain>/Schema` (spec §1.2, §10): classes, properties, syntaxes. */
export class SchemaContainerObject extends AdsContainer {
  readonly interfaces = [...IADS_INTERFACES, ...CONTAINER_INTERFACES];
  readonly #domain: string;

  /** Binds the schema container of domain `domain` (directory spelling). */
  constructor(context: BindContext, domain: string) {
    super(context, {
      name: "Schema",
      className: "Schema",
      adsPath: adsPathOf([domain, "Schema"]),
      parent: adsPathOf([domain]),
      schema: undefined,
    });
    this.#domain = domain;
  }

  protected listChildren(): AdsObject[] {
    return [
      ...CLASSES.map((c) => new ClassObject(this.context, this.#domain, c)),
      ...PROPERTIES.map((p) => new PropertyObject(this.context, this.#domain, p)),
      ...SYNTAXES.map((s) => new SyntaxObject(this.context, this.#domain, s)),
    ];
  }

  protected findChild(className: string | undefined, name: string): AdsObject {
    const cls = className === undefined || className === "Class" ? findClass(name) : undefined;
    if (cls) return new ClassObject(this.context, this.#domain, cls);
    const property = className === undefined || className === "Property" ? findProperty(name) : undefined;
    if (property) return new PropertyObject(this.context, this.#domain, property);
    const syntax = className === undefined || className === "Syntax" ? findSyntax(name) : undefined;
    if (syntax) return new SyntaxObject(this.context, this.#domain, syntax);
    throw new AdsError("E_ADS_UNKNOWN_OBJECT", `no schema object ${name}`);
  }
}
guardGetOnlyMembers(SchemaContainerObject);

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
  readonly interfaces = [...IADS_INTERFACES, "IADsClass"];
  readonly #definition: ClassDefinition;

  /** Binds the class object for `definition`. */
  constructor(context: BindContext, domain: string, definition: ClassDefinition) {
    super(context, schemaChildNames(domain, "Class", definition.name));
    this.#definition = definition;
  }

  get PrimaryInterface(): string {
    return this.#definition.primaryInterface;
  }
  get CLSID(): string {
    return this.context.core.profile.classGuids[this.#definition.name] ?? "";
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
guardGetOnlyMembers(ClassObject);

/** A property of the schema: IADsProperty (spec §10). */
export class PropertyObject extends AdsObject {
  readonly interfaces = [...IADS_INTERFACES, "IADsProperty"];
  readonly #definition: PropertyDefinition;

  /** Binds the property object for `definition`. */
  constructor(context: BindContext, domain: string, definition: PropertyDefinition) {
    super(context, schemaChildNames(domain, "Property", definition.name));
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
guardGetOnlyMembers(PropertyObject);

/** A syntax of the schema: IADsSyntax (spec §10). */
export class SyntaxObject extends AdsObject {
  readonly interfaces = [...IADS_INTERFACES, "IADsSyntax"];
  readonly #definition: SyntaxDefinition;

  /** Binds the syntax object for `definition`. */
  constructor(context: BindContext, domain: string, definition: SyntaxDefinition) {
    super(context, schemaChildNames(domain, "Syntax", definition.name));
    this.#definition = definition;
  }

  get OleAutoDataType(): number {
    return this.#definition.oleAutoDataType;
  }
}
guardGetOnlyMembers(SyntaxObject);
