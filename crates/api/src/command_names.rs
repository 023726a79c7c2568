//! Reads command names from the text of `commands.rs`, for `src-tauri/build.rs`, which includes
//! this file by path (a build script cannot link steerco-api cheaply). A test in this crate
//! checks the result against `COMMAND_NAMES`, so the two readings cannot drift apart.

/// "area_verb" for each declaration line `area::verb(...) -> ...;`, in order.
pub fn names_in_source(source: &str) -> Vec<String> {
    source
        .lines()
        .map(str::trim)
        .filter(|line| line.ends_with(';') && line.contains(") -> "))
        .filter_map(|line| {
            let (area, rest) = line.split_once("::")?;
            let verb = rest.split_once('(')?.0;
            let ident = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            (ident(area) && ident(verb)).then(|| format!("{area}_{verb}"))
        })
        .collect()
}

/// `use_case_list` → `useCaseList`: the TypeScript client function's name.
pub fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `use_case_list` → `allow-use-case-list`: the permission Tauri generates for the command.
pub fn permission(name: &str) -> String {
    format!("allow-{}", name.replace('_', "-"))
}
