//! The TypeScript side of the commands, generated: one file per type under `ui/src/bindings/`
//! (every type a command takes or returns, and every type those contain, found by walking the
//! commands' types), and the typed client `ui/src/backend/commands.ts` with one function per
//! command. Both are committed; the bindings test fails when they drift from the Rust types and
//! rewrites them with `UPDATE_BINDINGS=1` (`make bindings`).

use std::any::TypeId;
use std::collections::BTreeMap;

use ts_rs::{Config, TypeVisitor, TS};

use crate::command_names::camel_case;

/// How the TypeScript client calls one command.
#[derive(Debug, Clone)]
pub struct CommandSpec {
    pub name: &'static str,
    /// The request's TypeScript type ("null" for none).
    pub request: String,
    pub response: String,
    /// The named types request and response mention, for the client's imports.
    pub imports: Vec<String>,
    /// Every exportable type reachable from the request and the response: (file, source).
    pub types: Vec<(String, String)>,
}

fn config() -> Config {
    // JSON numbers are doubles; every integer we send fits one, so `number` beats `bigint`.
    Config::new().with_large_int("number")
}

/// Collects every exportable type reachable from the types it visits.
struct Collector {
    cfg: Config,
    seen: Vec<TypeId>,
    files: BTreeMap<String, String>,
    error: Option<String>,
}

impl TypeVisitor for Collector {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if self.seen.contains(&TypeId::of::<T>()) {
            return;
        }
        self.seen.push(TypeId::of::<T>());
        if let Some(path) = T::output_path() {
            match T::export_to_string(&self.cfg) {
                Ok(source) => {
                    self.files.insert(path.display().to_string(), source);
                }
                Err(e) => self.error = Some(format!("{}: {e}", path.display())),
            }
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

fn names_of<T: TS + 'static + ?Sized>(cfg: &Config) -> Vec<String> {
    if T::output_path().is_some() {
        vec![T::ident(cfg)]
    } else {
        T::dependencies(cfg).into_iter().map(|d| d.ts_name).collect()
    }
}

impl CommandSpec {
    pub fn of<Req: TS + 'static, Res: TS + 'static>(name: &'static str) -> CommandSpec {
        let cfg = config();
        let mut collector = Collector { cfg: config(), seen: Vec::new(), files: BTreeMap::new(), error: None };
        collector.visit::<Req>();
        collector.visit::<Res>();
        let mut imports = names_of::<Req>(&cfg);
        imports.extend(names_of::<Res>(&cfg));
        imports.sort();
        imports.dedup();
        CommandSpec {
            name,
            request: Req::name(&cfg),
            response: Res::name(&cfg),
            imports,
            types: collector.files.into_iter().collect(),
        }
    }
}

/// Types the UI uses that no command returns (the error shape, session events).
fn extra_types() -> Vec<(String, String)> {
    let mut collector = Collector { cfg: config(), seen: Vec::new(), files: BTreeMap::new(), error: None };
    collector.visit::<crate::error::ApiError>();
    collector.visit::<crate::error::ErrorCode>();
    collector.visit::<steerco_core::audit::Action>();
    collector.visit::<steerco_core::compliance::frameworks::EvidenceKind>();
    collector.files.into_iter().collect()
}

/// (file name under `ui/src/bindings/`, TypeScript source) for every type the UI sees.
pub fn typescript() -> Result<Vec<(String, String)>, String> {
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    for spec in crate::command_specs() {
        files.extend(spec.types);
    }
    files.extend(extra_types());
    Ok(files.into_iter().collect())
}

/// The typed client: one function per command, named by the naming rule.
pub fn client() -> String {
    let specs = crate::command_specs();
    let mut imports: Vec<String> = specs.iter().flat_map(|s| s.imports.clone()).collect();
    imports.sort();
    imports.dedup();
    let mut out = String::from(
        "// Generated from crates/api/src/commands.rs by the bindings test (`make bindings`); do not edit.\n\
         // One function per command: `area_verb` is called as `areaVerb(request)`.\n\
         import { call } from \"./call\";\n",
    );
    for name in &imports {
        out.push_str(&format!("import type {{ {name} }} from \"../bindings/{name}\";\n"));
    }
    for spec in &specs {
        out.push('\n');
        let function = camel_case(spec.name);
        if spec.request == "null" {
            out.push_str(&format!(
                "export const {function} = (): Promise<{}> => call(\"{}\", null);\n",
                spec.response, spec.name
            ));
        } else {
            out.push_str(&format!(
                "export const {function} = (req: {}): Promise<{}> => call(\"{}\", req);\n",
                spec.request, spec.response, spec.name
            ));
        }
    }
    out
}
