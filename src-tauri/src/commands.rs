//! The Tauri commands, generated from the declarations in steerco-api's `commands.rs`: each one
//! hands its request to its handler on a blocking thread (SQLite work must not stall the async
//! runtime) and returns the handler's result unchanged. Nothing here is written per command.

use std::sync::Arc;

use steerco_api::session::Session;
use steerco_api::types::*;
use steerco_api::{ApiError, ApiResult, ErrorCode};
use tauri::State;

type Shared<'a> = State<'a, Arc<Session>>;

/// Runs `handler` with the session on tokio's blocking pool.
async fn blocking<T: Send + 'static>(
    session: &Shared<'_>,
    handler: impl FnOnce(&Session) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    let session = Arc::clone(session.inner());
    tauri::async_runtime::spawn_blocking(move || handler(&session))
        .await
        .unwrap_or_else(|e| Err(ApiError::new(ErrorCode::Internal, format!("the request did not complete: {e}"))))
}

macro_rules! tauri_commands {
    (
        session { $( $s_area:ident :: $s_verb:ident ( $s_req:ty ) -> $s_res:ty ; )* }
        portfolio { $( $p_area:ident :: $p_verb:ident ( $p_req:ty ) -> $p_res:ty ; )* }
    ) => {
        paste::paste! {
            $(
                #[tauri::command]
                pub async fn [<$s_area _ $s_verb>](session: Shared<'_>, req: $s_req) -> ApiResult<$s_res> {
                    blocking(&session, move |s| steerco_api::$s_area::$s_verb(s, req)).await
                }
            )*
            $(
                #[tauri::command]
                pub async fn [<$p_area _ $p_verb>](session: Shared<'_>, req: $p_req) -> ApiResult<$p_res> {
                    blocking(&session, move |s| steerco_api::$p_area::$p_verb(&s.ctx()?, req)).await
                }
            )*

            /// Every declared command, registered.
            pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
                tauri::generate_handler![ $( [<$s_area _ $s_verb>], )* $( [<$p_area _ $p_verb>], )* ]
            }
        }
    };
}

steerco_api::for_each_command!(tauri_commands);
