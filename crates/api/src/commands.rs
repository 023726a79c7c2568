//! Every command the desktop app can call, declared once. A line `area::verb(Request) ->
//! Response;` names the handler `steerco_api::area::verb` and the command `area_verb`; from
//! this list come the Tauri commands and their registration (`src-tauri`), their permissions
//! (`src-tauri/build.rs` reads this file), and the typed TypeScript client in
//! `ui/src/backend/commands.ts` (`areaVerb(req)`, written by the bindings test). Adding a
//! command is one line here next to its handler.
//!
//! Session commands take the desktop session (which portfolio is open, who is working); the
//! rest take the open portfolio's context. Types are named as `steerco_api::types` exports them.

/// Expands `$callback! { session { … } portfolio { … } }` with the declaration list.
#[macro_export]
macro_rules! for_each_command {
    ($callback:path) => {
        $callback! {
            session {
                session::status(()) -> SessionStatus;
                session::set_working_as(WorkingAsRequest) -> SessionStatus;
                portfolio::open(OpenRequest) -> SessionStatus;
                portfolio::create(NewPortfolioRequest) -> SessionStatus;
                recent::list(()) -> Vec<RecentFile>;
                recent::forget(OpenRequest) -> Vec<RecentFile>;
            }
            portfolio {
                portfolio::info(()) -> PortfolioInfo;
                portfolio::save_copy(SaveCopyRequest) -> ExportOutcome;
                backup::list(()) -> Vec<BackupFile>;
                backup::create(()) -> BackupFile;
                backup::restore(RestoreRequest) -> RestoreOutcome;
                programme::overview(()) -> ProgrammeOverview;
                programme::get(()) -> Programme;
                programme::update(ProgrammeChange) -> Programme;
                use_case::list(()) -> Vec<UseCase>;
                use_case::get(UseCaseRef) -> UseCase;
                use_case::create(DossierInput) -> UseCase;
                use_case::update(UseCaseUpdate) -> UseCase;
                use_case::override_gate(OverrideRequest) -> UseCase;
                use_case::revoke_override(RevokeOverrideRequest) -> UseCase;
                use_case::preview_gate(GatePreviewRequest) -> GatePreview;
                use_case::preview_update(UseCaseUpdate) -> UpdatePreview;
                use_case::stage_options(UseCaseRef) -> Vec<StageOption>;
                use_case::withdraw(WithdrawRequest) -> WithdrawnUseCase;
                use_case::restore(UseCaseRef) -> UseCase;
                use_case::withdrawn(()) -> Vec<WithdrawnUseCase>;
                use_case::import_csv(ImportRequest) -> ImportOutcome;
                use_case::export_csv(ExportRequest) -> ExportOutcome;
                scoring::rank(RankRequest) -> Ranking;
                scoring::set_weights(WeightsUpdate) -> Vec<Criterion>;
                scoring::matrix_svg(()) -> String;
                workshop::list(()) -> Vec<Workshop>;
                workshop::create(NewWorkshop) -> Workshop;
                workshop::get(WorkshopRef) -> WorkshopDetail;
                workshop::rate(RateRequest) -> WorkshopDetail;
                workshop::export_sheet(SheetExportRequest) -> ExportOutcome;
                workshop::import_sheet(SheetImportRequest) -> WorkshopDetail;
                policy::list(()) -> Vec<Policy>;
                policy::create(PolicyInput) -> Policy;
                policy::update(PolicyUpdate) -> Policy;
                source::list(()) -> Vec<DataSource>;
                source::create(DataSourceInput) -> DataSource;
                source::update(DataSourceUpdate) -> DataSource;
                pack::list(()) -> Vec<DataPack>;
                pack::create(DataPackCreate) -> DataPack;
                pack::approve(PackApproval) -> DataPack;
                adapter::preview(FolderRequest) -> PeftFolder;
                adapter::import(AdapterImport) -> AdapterVersion;
                adapter::list(()) -> Vec<AdapterSummary>;
                adapter::versions(AdapterRef) -> Vec<AdapterVersion>;
                adapter_version::list(()) -> Vec<AdapterVersion>;
                adapter_version::get(AdapterVersionRef) -> AdapterVersionDetail;
                adapter_version::diff(AdapterVersionDiffRequest) -> VersionDiff;
                adapter_version::set_status(AdapterStatusChange) -> AdapterVersion;
                adapter_version::set_base_model(BaseModelChange) -> AdapterVersion;
                deployment::list(()) -> Vec<Deployment>;
                deployment::create(DeploymentInput) -> Deployment;
                regression::check(AdapterVersionRef) -> RegressionCheck;
                regression::tolerances(UseCaseRef) -> Vec<Tolerance>;
                regression::set_tolerance(ToleranceInput) -> Vec<Tolerance>;
                evaluation::get(EvaluationRef) -> Evaluation;
                evaluation::import(EvaluationImport) -> Evaluation;
                evaluation::import_mlflow(MlflowImport) -> MlflowImportOutcome;
                evaluation::mark_baseline(BaselineRequest) -> Evaluation;
                lineage::graph(AdapterVersionRef) -> LineageGraph;
                lineage::check(()) -> LineageCheck;
                lineage::export_openlineage(OpenLineageExportRequest) -> ExportOutcome;
                person::list(()) -> Vec<Person>;
                person::create(PersonInput) -> Person;
                person::update(PersonUpdate) -> Person;
                signoff::sign(SignRequest) -> SignoffStatus;
                signoff::list(SignoffFilter) -> Vec<SignoffStatus>;
                signoff::queue(()) -> SignoffQueue;
                signoff::review(ReviewRequest) -> SignoffReview;
                signoff::decline(DeclineRequest) -> SignoffDecline;
                signoff::unsigned_fields(()) -> Vec<UnsignedField>;
                audit::log(AuditQuery) -> AuditPage;
                audit::verify(()) -> VerifyReport;
                audit::acknowledge(AuditAcknowledge) -> VerifyReport;
                oversight::list(()) -> Vec<Oversight>;
                oversight::set(OversightUpdate) -> Oversight;
                bias::list(UseCaseFilter) -> Vec<BiasCheck>;
                bias::import(BiasImport) -> BiasCheck;
                bias::defaults(()) -> Vec<BiasDefault>;
                risk::list(UseCaseFilter) -> Vec<Risk>;
                risk::create(RiskInput) -> Risk;
                risk::update(RiskUpdate) -> Risk;
                framework::coverage(UseCaseRef) -> UseCaseCoverage;
                framework::mapping(()) -> Vec<EvidenceMapping>;
                blueprint::get(UseCaseRef) -> Blueprint;
                blueprint::set_part(BlueprintPartUpdate) -> Blueprint;
                blueprint::review(BlueprintReview) -> Blueprint;
                pilot::list(()) -> Vec<Pilot>;
                pilot::get(PilotRef) -> Pilot;
                pilot::create(PilotCreate) -> Pilot;
                pilot::set_protocols(ProtocolsUpdate) -> Pilot;
                pilot::add_phase(PhaseInput) -> Pilot;
                pilot::start(PilotStart) -> Pilot;
                pilot::advance(PhaseAdvance) -> Pilot;
                pilot::stop(PhaseStop) -> Pilot;
                pilot::readiness(UseCaseRef) -> Readiness;
                pilot::add_kpi(KpiInput) -> Pilot;
                pilot::add_incident(IncidentInput) -> Pilot;
                pilot::resolve_incident(IncidentResolve) -> Pilot;
                pilot::board(()) -> StageBoard;
                monitoring::view(UseCaseRef) -> MonitoringView;
                monitoring::import(MonitoringImport) -> MonitoringImported;
                monitoring::import_feedback(MonitoringImport) -> FeedbackImported;
                monitoring::alerts(AlertQuery) -> Vec<DriftAlert>;
                monitoring::acknowledge(AlertAcknowledge) -> DriftAlert;
                monitoring::export_chart(ChartExport) -> ExportOutcome;
                value::get(UseCaseRef) -> UseCaseValue;
                value::record_month(MonthInput) -> UseCaseValue;
                value::import(MetricsImport) -> MetricsImported;
                value::chart(ValueChart) -> String;
                value::export_chart(ValueChartExport) -> ExportOutcome;
                steering::dashboard(()) -> Dashboard;
                steering::checklist(()) -> Checklist;
                steering::cadence(()) -> CadenceView;
                steering::add_cadence(CadenceInput) -> CadenceView;
                meeting::list(()) -> Vec<MeetingSummary>;
                meeting::create(MeetingInput) -> MeetingAgenda;
                meeting::agenda(MeetingRef) -> MeetingAgenda;
                meeting::decide(DecisionInput) -> MeetingDecision;
                meeting::add_action(ActionInput) -> Meeting;
                meeting::close(MeetingRef) -> Meeting;
                meeting::minutes(MeetingRef) -> Meeting;
                meeting::backlog(()) -> Vec<BacklogItem>;
                meeting::propose(BacklogInput) -> BacklogItem;
                report::start_pack(PackExport) -> ExportJob;
                report::start_deck(DeckExport) -> ExportJob;
                report::job(JobRef) -> ExportJob;
                report::cancel(JobRef) -> ExportJob;
                report::verify(VerifyRequest) -> DocumentVerification;
                report::exports(()) -> Vec<ExportRecord>;
                report::export_workbook(WorkbookExport) -> ExportOutcome;
            }
        }
    };
}

/// The command names and the TypeScript shape of each, from the declaration list.
macro_rules! describe_commands {
    (
        session { $( $s_area:ident :: $s_verb:ident ( $s_req:ty ) -> $s_res:ty ; )* }
        portfolio { $( $p_area:ident :: $p_verb:ident ( $p_req:ty ) -> $p_res:ty ; )* }
    ) => {
        /// Every declared command's name (`area_verb`), in declaration order.
        pub const COMMAND_NAMES: &[&str] = &[
            $( concat!(stringify!($s_area), "_", stringify!($s_verb)), )*
            $( concat!(stringify!($p_area), "_", stringify!($p_verb)), )*
        ];

        /// Every declared command as the TypeScript client needs it.
        pub fn command_specs() -> Vec<$crate::bindings::CommandSpec> {
            use $crate::types::*;
            // The handlers must have the declared shape; this does not compile otherwise.
            $( let _: fn(&$crate::session::Session, $s_req) -> $crate::ApiResult<$s_res> = $crate::$s_area::$s_verb; )*
            $( let _: fn(&$crate::Ctx, $p_req) -> $crate::ApiResult<$p_res> = $crate::$p_area::$p_verb; )*
            vec![
                $( $crate::bindings::CommandSpec::of::<$s_req, $s_res>(concat!(stringify!($s_area), "_", stringify!($s_verb))), )*
                $( $crate::bindings::CommandSpec::of::<$p_req, $p_res>(concat!(stringify!($p_area), "_", stringify!($p_verb))), )*
            ]
        }
    };
}

for_each_command!(describe_commands);
