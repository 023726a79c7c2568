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
    /// The named types reachable from request and response (the client imports those its
    /// signature mentions).
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

impl CommandSpec {
    pub fn of<Req: TS + 'static, Res: TS + 'static>(name: &'static str) -> CommandSpec {
        let cfg = config();
        let mut collector = Collector { cfg: config(), seen: Vec::new(), files: BTreeMap::new(), error: None };
        collector.visit::<Req>();
        collector.visit::<Res>();
        // Every named type reachable; the client keeps those its signatures mention.
        let imports = collector
            .files
            .keys()
            .filter_map(|file| std::path::Path::new(file).file_stem().map(|s| s.to_string_lossy().into_owned()))
            .collect();
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
    // Only what a signature names: a nested type reaches the client through its parent's file.
    let named: std::collections::BTreeSet<&str> = specs
        .iter()
        .flat_map(|s| [s.request.as_str(), s.response.as_str()])
        .flat_map(|t| t.split(|c: char| !(c.is_alphanumeric() || c == '_')))
        .collect();
    let mut imports: Vec<String> =
        specs.iter().flat_map(|s| s.imports.clone()).filter(|name| named.contains(name.as_str())).collect();
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
    // One block per area (the name's first word), one line per command: a blank line between
    // one-line functions only lengthened the file.
    let mut area = None;
    for spec in &specs {
        let this_area = spec.name.split('_').next();
        if area != Some(this_area) {
            out.push('\n');
            area = Some(this_area);
        }
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
