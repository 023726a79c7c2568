//! Every type a command takes or returns, under one path, so the command declarations (and the
//! Tauri shell that expands them) name types without knowing which crate or area defines them.

pub use crate::recent::RecentFile;
pub use crate::session::{NewPortfolioRequest, OpenRequest, SessionStatus, WorkingAsRequest};
pub use crate::ApiError;

pub use steerco_core::audit::{AuditRecord, VerifyReport};
pub use steerco_core::compliance::frameworks::EvidenceMapping;
pub use steerco_core::compliance::{BiasCheck, Oversight, Person, PersonInput, Risk, RiskInput, SignoffStatus};
pub use steerco_core::domain::{DossierInput, Programme, UseCase};
pub use steerco_core::overview::ProgrammeOverview;
pub use steerco_core::pilots::blueprint::Blueprint;
pub use steerco_core::pilots::operations::{IncidentInput, KpiInput};
pub use steerco_core::pilots::pilot::{PhaseInput, Pilot};
pub use steerco_core::pilots::readiness::Readiness;
pub use steerco_core::registry::diff::VersionDiff;
pub use steerco_core::registry::lineage::LineageGraph;
pub use steerco_core::registry::peft::PeftFolder;
pub use steerco_core::registry::regression::{RegressionCheck, Tolerance};
pub use steerco_core::registry::{
    AdapterSummary, AdapterVersion, DataPack, DataSource, DataSourceInput, Deployment, DeploymentInput, Evaluation,
    PackApproval, Policy, PolicyInput,
};
pub use steerco_core::scoring::Criterion;
pub use steerco_core::services::compliance::audit::{AuditAcknowledge, AuditPage, AuditQuery};
pub use steerco_core::services::compliance::coverage::UseCaseCoverage;
pub use steerco_core::services::compliance::people::PersonUpdate;
pub use steerco_core::services::compliance::review::{DeclineRequest, ReviewRequest, SignoffDecline, SignoffReview};
pub use steerco_core::services::compliance::risk_controls::{
    BiasDefault, BiasImport, OversightUpdate, RiskUpdate, UseCaseFilter,
};
pub use steerco_core::services::compliance::signoffs::{SignRequest, SignoffFilter, SignoffQueue, UnsignedField};
pub use steerco_core::services::discovery::consequences::{StageOption, UpdatePreview};
pub use steerco_core::services::discovery::exchange::{ExportRequest, ImportOutcome, ImportRequest};
pub use steerco_core::services::discovery::programme::ProgrammeChange;
pub use steerco_core::services::discovery::scoring::{RankRequest, Ranking, WeightsUpdate};
pub use steerco_core::services::discovery::use_cases::{
    GatePreview, GatePreviewRequest, OverrideRequest, RevokeOverrideRequest, UseCaseUpdate,
};
pub use steerco_core::services::discovery::withdrawal::{WithdrawRequest, WithdrawnUseCase};
pub use steerco_core::services::discovery::workshops::{
    RateRequest, SheetExportRequest, SheetImportRequest, WorkshopDetail, WorkshopRef,
};
pub use steerco_core::services::pilots::blueprint::{BlueprintPartUpdate, BlueprintReview};
pub use steerco_core::services::pilots::board::StageBoard;
pub use steerco_core::services::pilots::monitoring::{
    AlertAcknowledge, AlertQuery, ChartExport, DriftAlert, FeedbackImported, MonitoringImport, MonitoringImported,
    MonitoringView,
};
pub use steerco_core::services::pilots::operations::IncidentResolve;
pub use steerco_core::services::pilots::rollout::{
    PhaseAdvance, PhaseStop, PilotCreate, PilotRef, PilotStart, ProtocolsUpdate,
};
pub use steerco_core::services::portfolio::backup::{BackupFile, RestoreOutcome, RestoreRequest};
pub use steerco_core::services::portfolio::exports::ExportOutcome;
pub use steerco_core::services::portfolio::{PortfolioInfo, SaveCopyRequest};
pub use steerco_core::services::registry::adapters::{
    AdapterImport, AdapterRef, AdapterStatusChange, AdapterVersionDetail, AdapterVersionDiffRequest, AdapterVersionRef,
    BaseModelChange, FolderRequest,
};
pub use steerco_core::services::registry::evaluations::{
    BaselineRequest, EvaluationImport, EvaluationRef, MlflowImport, MlflowImportOutcome,
};
pub use steerco_core::services::registry::governance::{DataPackCreate, DataSourceUpdate, PolicyUpdate};
pub use steerco_core::services::registry::lineage::{LineageCheck, OpenLineageExportRequest};
pub use steerco_core::services::registry::regression::ToleranceInput;
pub use steerco_core::services::steering::cadence::CadenceView;
pub use steerco_core::services::steering::checklist::Checklist;
pub use steerco_core::services::steering::dashboard::Dashboard;
pub use steerco_core::services::steering::meetings::{
    ActionInput, DecisionInput, MeetingAgenda, MeetingInput, MeetingRef, MeetingSummary,
};
pub use steerco_core::services::value::charts::{ValueChart, ValueChartExport};
pub use steerco_core::services::value::tracking::{MetricsImport, MetricsImported, MonthInput, UseCaseValue};
pub use steerco_core::steering::{BacklogInput, BacklogItem, CadenceInput, Meeting, MeetingDecision};
pub use steerco_core::workshop::{NewWorkshop, Workshop};

pub use crate::report::{
    DeckExport, DocumentVerification, ExportJob, ExportRecord, JobRef, PackExport, VerifyRequest, WorkbookExport,
};

/// A request naming one use case.
pub use crate::use_case::UseCaseRef;
