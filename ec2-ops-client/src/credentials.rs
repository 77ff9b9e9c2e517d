//! Credentials as the AWS CLI finds them: given explicitly, from the environment
//! (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), or from the profile
//! (`AWS_PROFILE`, `AWS_DEFAULT_PROFILE`, else `default`) of the shared credentials file
//! (`AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`) and config file (`AWS_CONFIG_FILE`,
//! else `~/.aws/config`, where the section is `[profile NAME]`, or `[default]`). The files are read
//! with `rust-ini`. Single sign-on, assumed roles and instance metadata are not supported: a profile
//! that needs them is reported as such. Credentials are read once, when the client is built; where
//! they came from is kept, so EC2's refusal of them can say.

use std::fmt;
use std::path::{Path, PathBuf};

/// An access key, its secret, and the session token of temporary credentials.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    /// The access key ID (`AKIA...`, `ASIA...`).
    pub access_key_id: String,
    /// The secret access key.
    pub secret_access_key: String,
    /// The session token of temporary credentials.
    pub session_token: Option<String>,
    /// Where they were found (`the environment`, `/home/me/.aws/credentials [work]`), or `given`.
    pub source: String,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"** redacted **")
            .field(
                "session_token",
                &self.session_token.as_ref().map(|_| "** redacted **"),
            )
            .finish()
    }
}

impl Credentials {
    /// Credentials from an access key and secret.
    pub fn new(access_key_id: impl Into<String>, secret_access_key: impl Into<String>) -> Self {
        Credentials {
            access_key_id: access_key_id.into(),
            secret_access_key: secret_access_key.into(),
            session_token: None,
            source: "given".to_owned(),
        }
    }

    /// With a session token (temporary credentials).
    pub fn with_session_token(mut self, token: impl Into<String>) -> Self {
        self.session_token = Some(token.into());
        self
    }
}

/// Why no credentials were found, with every place that was looked at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialsError {
    /// The profile that was looked for.
    pub profile: String,
    /// Each place looked at, and what was found there.
    pub looked: Vec<String>,
}

impl fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no AWS credentials found for profile `{}`; looked at: ",
            self.profile
        )?;
        for (n, place) in self.looked.iter().enumerate() {
            if n > 0 {
                f.write_str("; ")?;
            }
            f.write_str(place)?;
        }
        Ok(())
    }
}

impl std::error::Error for CredentialsError {}

/// The process environment, as a function so tests can give their own.
pub(crate) type Environment<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The real environment; an empty variable counts as unset, as the AWS CLI counts it.
pub(crate) fn process_environment(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

/// The profile the environment selects.
pub(crate) fn profile_name(env: Environment<'_>) -> String {
    env("AWS_PROFILE")
        .or_else(|| env("AWS_DEFAULT_PROFILE"))
        .unwrap_or_else(|| "default".to_owned())
}

fn home(env: Environment<'_>) -> Option<PathBuf> {
    env("HOME")
        .or_else(|| env("USERPROFILE"))
        .map(PathBuf::from)
}

/// The file `variable` names (a leading `~/` is the home folder, as the AWS CLI expands it), else
/// `~/.aws/NAME`.
fn shared_file(env: Environment<'_>, variable: &str, name: &str) -> Option<PathBuf> {
    match env(variable) {
        Some(path) => match path.strip_prefix("~/") {
            Some(rest) => home(env).map(|home| home.join(rest)),
            None => Some(PathBuf::from(path)),
        },
        None => home(env).map(|home| home.join(".aws").join(name)),
    }
}

/// The first of `sections` an INI file has, with its name: `None` when the file or every section
/// is missing, with what was found recorded in `looked`.
fn section(
    path: &Path,
    sections: &[String],
    looked: &mut Vec<String>,
) -> Option<(String, ini::Properties)> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            looked.push(format!("{} ({error})", path.display()));
            return None;
        }
    };
    let parsed = match ini::Ini::load_from_str(&text) {
        Ok(parsed) => parsed,
        Err(error) => {
            looked.push(format!("{} (not readable as INI: {error})", path.display()));
            return None;
        }
    };
    for name in sections {
        if let Some(properties) = parsed.section(Some(name.as_str())) {
            return Some((name.clone(), properties.clone()));
        }
    }
    looked.push(format!("{} (no [{}] section)", path.display(), sections[0]));
    None
}

/// The key pair in a profile section, or what is missing from it.
fn from_section(
    properties: &ini::Properties,
    place: String,
    looked: &mut Vec<String>,
) -> Option<Credentials> {
    match (
        properties.get("aws_access_key_id"),
        properties.get("aws_secret_access_key"),
    ) {
        (Some(id), Some(secret)) if !id.is_empty() && !secret.is_empty() => Some(Credentials {
            access_key_id: id.to_owned(),
            secret_access_key: secret.to_owned(),
            session_token: properties
                .get("aws_session_token")
                .filter(|token| !token.is_empty())
                .map(str::to_owned),
            source: place,
        }),
        _ => {
            let needs = [
                "sso_session",
                "sso_start_url",
                "role_arn",
                "credential_process",
                "web_identity_token_file",
            ]
            .into_iter()
            .find(|key| properties.contains_key(key));
            looked.push(match needs {
                Some(key) => format!("{place} (uses `{key}`, which this client does not support)"),
                None => format!("{place} (no aws_access_key_id and aws_secret_access_key)"),
            });
            None
        }
    }
}

/// Finds credentials as described in the module docs.
pub(crate) fn resolve(env: Environment<'_>) -> Result<Credentials, CredentialsError> {
    let profile = profile_name(env);
    let mut looked = Vec::new();
    match (env("AWS_ACCESS_KEY_ID"), env("AWS_SECRET_ACCESS_KEY")) {
        (Some(id), Some(secret)) => {
            return Ok(Credentials {
                access_key_id: id,
                secret_access_key: secret,
                session_token: env("AWS_SESSION_TOKEN"),
                source: "the environment (AWS_ACCESS_KEY_ID)".to_owned(),
            });
        }
        (Some(_), None) => looked
            .push("the environment (AWS_ACCESS_KEY_ID without AWS_SECRET_ACCESS_KEY)".to_owned()),
        (None, Some(_)) => looked
            .push("the environment (AWS_SECRET_ACCESS_KEY without AWS_ACCESS_KEY_ID)".to_owned()),
        (None, None) => looked.push("the environment (no AWS_ACCESS_KEY_ID)".to_owned()),
    }
    match shared_file(env, "AWS_SHARED_CREDENTIALS_FILE", "credentials") {
        Some(path) => {
            if let Some((_, properties)) =
                section(&path, std::slice::from_ref(&profile), &mut looked)
            {
                let place = format!("{} [{profile}]", path.display());
                if let Some(credentials) = from_section(&properties, place, &mut looked) {
                    return Ok(credentials);
                }
            }
        }
        None => looked.push("the shared credentials file (no HOME to find it)".to_owned()),
    }
    match shared_file(env, "AWS_CONFIG_FILE", "config") {
        Some(path) => {
            if let Some((name, properties)) =
                section(&path, &config_sections(&profile), &mut looked)
            {
                let place = format!("{} [{name}]", path.display());
                if let Some(credentials) = from_section(&properties, place, &mut looked) {
                    return Ok(credentials);
                }
            }
        }
        None => looked.push("the shared config file (no HOME to find it)".to_owned()),
    }
    Err(CredentialsError { profile, looked })
}

/// The config file's sections for a profile, in the order they are tried: `profile NAME`, and
/// for the default profile also `default`.
fn config_sections(profile: &str) -> Vec<String> {
    let mut sections = vec![format!("profile {profile}")];
    if profile == "default" {
        sections.push("default".to_owned());
    }
    sections
}

/// The region the environment or the profile's config section names: `AWS_REGION`,
/// `AWS_DEFAULT_REGION`, then `region` in the config file.
pub(crate) fn region(env: Environment<'_>) -> Option<String> {
    if let Some(region) = env("AWS_REGION").or_else(|| env("AWS_DEFAULT_REGION")) {
        return Some(region);
    }
    let path = shared_file(env, "AWS_CONFIG_FILE", "config")?;
    let mut ignored = Vec::new();
    section(&path, &config_sections(&profile_name(env)), &mut ignored)?
        .1
        .get("region")
        .filter(|region| !region.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn env_of(pairs: &[(&str, String)]) -> impl Fn(&str) -> Option<String> + use<> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(name, value)| ((*name).to_owned(), value.clone()))
            .collect();
        move |name| map.get(name).cloned()
    }

    /// A scratch home folder with an `.aws` folder in it, removed when the test ends.
    struct Home(PathBuf);

    impl std::ops::Deref for Home {
        type Target = PathBuf;
        fn deref(&self) -> &PathBuf {
            &self.0
        }
    }

    impl Drop for Home {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn folder(name: &str) -> Home {
        let folder =
            std::env::temp_dir().join(format!("ec2-ops-client-{name}-{}", std::process::id()));
        std::fs::create_dir_all(folder.join(".aws")).unwrap();
        Home(folder)
    }

    #[test]
    fn the_environment_comes_first() {
        let env = env_of(&[
            ("AWS_ACCESS_KEY_ID", "AKIDENV".into()),
            ("AWS_SECRET_ACCESS_KEY", "secret".into()),
            ("AWS_SESSION_TOKEN", "token".into()),
        ]);
        let found = resolve(&env).unwrap();
        assert_eq!(
            (
                found.access_key_id.as_str(),
                found.secret_access_key.as_str()
            ),
            ("AKIDENV", "secret")
        );
        assert_eq!(found.session_token.as_deref(), Some("token"));
        assert_eq!(found.source, "the environment (AWS_ACCESS_KEY_ID)");
    }

    #[test]
    fn the_selected_profile_is_read_from_the_credentials_then_the_config_file() {
        let home = folder("profiles");
        std::fs::write(
            home.join(".aws/credentials"),
            "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s1\n\n[work]\n# a comment\naws_access_key_id=AKIDWORK\naws_secret_access_key=s2\naws_session_token=t2\n",
        )
        .unwrap();
        std::fs::write(
            home.join(".aws/config"),
            "[default]\nregion = eu-west-1\n[profile other]\nregion=ap-south-1\naws_access_key_id=AKIDCONFIG\naws_secret_access_key=s3\n",
        )
        .unwrap();
        let home_text = home.display().to_string();
        let default = env_of(&[("HOME", home_text.clone())]);
        assert_eq!(resolve(&default).unwrap().access_key_id, "AKIDDEFAULT");
        assert_eq!(region(&default).as_deref(), Some("eu-west-1"));
        let work = env_of(&[("HOME", home_text.clone()), ("AWS_PROFILE", "work".into())]);
        let found = resolve(&work).unwrap();
        assert_eq!(found.access_key_id, "AKIDWORK");
        assert_eq!(found.session_token.as_deref(), Some("t2"));
        assert_eq!(
            found.source,
            format!("{} [work]", home.join(".aws/credentials").display())
        );
        let other = env_of(&[("HOME", home_text), ("AWS_DEFAULT_PROFILE", "other".into())]);
        assert_eq!(resolve(&other).unwrap().access_key_id, "AKIDCONFIG");
        assert_eq!(region(&other).as_deref(), Some("ap-south-1"));
    }

    #[test]
    fn files_named_with_a_tilde_and_a_profile_default_section_are_found() {
        let home = folder("tilde");
        std::fs::write(
            home.join(".aws/elsewhere"),
            "[profile default]\nregion = sa-east-1\naws_access_key_id = AKIDTILDE\naws_secret_access_key = s\n",
        )
        .unwrap();
        let env = env_of(&[
            ("HOME", home.display().to_string()),
            ("AWS_CONFIG_FILE", "~/.aws/elsewhere".into()),
            ("AWS_SHARED_CREDENTIALS_FILE", "~/.aws/none".into()),
        ]);
        assert_eq!(resolve(&env).unwrap().access_key_id, "AKIDTILDE");
        assert_eq!(region(&env).as_deref(), Some("sa-east-1"));
    }

    #[test]
    fn missing_credentials_say_where_they_were_looked_for() {
        let home = folder("missing");
        std::fs::write(
            home.join(".aws/config"),
            "[profile sso]\nsso_session = corp\n",
        )
        .unwrap();
        let env = env_of(&[
            ("HOME", home.display().to_string()),
            ("AWS_PROFILE", "sso".into()),
        ]);
        let error = resolve(&env).unwrap_err();
        let text = error.to_string();
        assert!(text.contains("profile `sso`"), "{text}");
        assert!(text.contains("no AWS_ACCESS_KEY_ID"), "{text}");
        assert!(text.contains(".aws/credentials ("), "{text}");
        assert!(
            text.contains("uses `sso_session`, which this client does not support"),
            "{text}"
        );
    }
}
