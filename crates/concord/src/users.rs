//! `concord user add | list | reset-password`.

use std::io::Write;

use concord_node::users::NewUser;

use crate::cli::UserCommand;
use crate::exit::Code;
use crate::unlock;

pub fn run(command: UserCommand) -> anyhow::Result<Code> {
    let out = &mut std::io::stdout().lock();
    match command {
        UserCommand::Add {
            node,
            username,
            role,
            name,
            unit,
        } => {
            let mut store = unlock::open(&node)?;
            let (user, password) = store.add_user(&NewUser {
                display_name: name.unwrap_or_else(|| username.to_string()),
                username,
                role,
                unit,
            })?;
            writeln!(
                out,
                "Added `{}` ({}). Password: {} (shown this once; hand it over in person)",
                user.username,
                user.role,
                password.as_str()
            )?;
        }
        UserCommand::List { node, json } => {
            let users = unlock::open(&node)?.users()?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&users)?)?;
                return Ok(Code::Success);
            }
            for u in &users {
                let unit = u.unit.as_deref().map(|x| format!(", unit {x}")).unwrap_or_default();
                writeln!(
                    out,
                    "{:<24} {:<16} {}{unit}",
                    u.username.as_str(),
                    u.role.to_string(),
                    u.display_name
                )?;
            }
        }
        UserCommand::ResetPassword { node, username } => {
            let password = unlock::open(&node)?.reset_password(&username)?;
            writeln!(
                out,
                "New password for `{username}`: {} (shown this once; the old one no longer works)",
                password.as_str()
            )?;
        }
    }
    Ok(Code::Success)
}
