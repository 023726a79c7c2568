// Generated from crates/api/src/commands.rs by the bindings test (`make bindings`); do not edit.
// One function per command: `area_verb` is called as `areaVerb(request)`.
import { call } from "./call";
import type { ActionInput } from "../bindings/ActionInput";
import type { AdapterImport } from "../bindings/AdapterImport";
import type { AdapterRef } from "../bindings/AdapterRef";
import type { AdapterStatusChange } from "../bindings/AdapterStatusChange";
import type { AdapterSummary } from "../bindings/AdapterSummary";
import type { AdapterVersion } from "../bindings/AdapterVersion";
import type { AdapterVersionDetail } from "../bindings/AdapterVersionDetail";
import type { AdapterVersionDiffRequest } from "../bindings/AdapterVersionDiffRequest";
import type { AdapterVersionRef } from "../bindings/AdapterVersionRef";
import type { AlertAcknowledge } from "../bindings/AlertAcknowledge";
import type { AlertQuery } from "../bindings/AlertQuery";
import type { AuditAcknowledge } from "../bindings/AuditAcknowledge";
import type { AuditPage } from "../bindings/AuditPage";
import type { AuditQuery } from "../bindings/AuditQuery";
import type { BacklogInput } from "../bindings/BacklogInput";
import type { BacklogItem } from "../bindings/BacklogItem";
import type { BackupFile } from "../bindings/BackupFile";
import type { BaseModelChange } from "../bindings/BaseModelChange";
import type { BaselineRequest } from "../bindings/BaselineRequest";
import type { BiasCheck } from "../bindings/BiasCheck";
import type { BiasDefault } from "../bindings/BiasDefault";
import type { BiasImport } from "../bindings/BiasImport";
import type { Blueprint } from "../bindings/Blueprint";
import type { BlueprintPartUpdate } from "../bindings/BlueprintPartUpdate";
import type { BlueprintReview } from "../bindings/BlueprintReview";
import type { CadenceInput } from "../bindings/CadenceInput";
import type { CadenceView } from "../bindings/CadenceView";
import type { ChartExport } from "../bindings/ChartExport";
import type { Checklist } from "../bindings/Checklist";
import type { Criterion } from "../bindings/Criterion";
import type { Dashboard } from "../bindings/Dashboard";
import type { DataPack } from "../bindings/DataPack";
import type { DataPackCreate } from "../bindings/DataPackCreate";
import type { DataSource } from "../bindings/DataSource";
import type { DataSourceInput } from "../bindings/DataSourceInput";
import type { DataSourceUpdate } from "../bindings/DataSourceUpdate";
import type { DecisionInput } from "../bindings/DecisionInput";
import type { DeckExport } from "../bindings/DeckExport";
import type { DeclineRequest } from "../bindings/DeclineRequest";
import type { Deployment } from "../bindings/Deployment";
import type { DeploymentInput } from "../bindings/DeploymentInput";
import type { DocumentVerification } from "../bindings/DocumentVerification";
import type { DossierInput } from "../bindings/DossierInput";
import type { DriftAlert } from "../bindings/DriftAlert";
import type { Evaluation } from "../bindings/Evaluation";
import type { EvaluationImport } from "../bindings/EvaluationImport";
import type { EvaluationRef } from "../bindings/EvaluationRef";
import type { EvidenceMapping } from "../bindings/EvidenceMapping";
import type { ExportJob } from "../bindings/ExportJob";
import type { ExportOutcome } from "../bindings/ExportOutcome";
import type { ExportRecord } from "../bindings/ExportRecord";
import type { ExportRequest } from "../bindings/ExportRequest";
import type { FeedbackImported } from "../bindings/FeedbackImported";
import type { FolderRequest } from "../bindings/FolderRequest";
import type { GatePreview } from "../bindings/GatePreview";
import type { GatePreviewRequest } from "../bindings/GatePreviewRequest";
import type { ImportOutcome } from "../bindings/ImportOutcome";
import type { ImportRequest } from "../bindings/ImportRequest";
import type { IncidentInput } from "../bindings/IncidentInput";
import type { IncidentResolve } from "../bindings/IncidentResolve";
import type { JobRef } from "../bindings/JobRef";
import type { KpiInput } from "../bindings/KpiInput";
import type { LineageCheck } from "../bindings/LineageCheck";
import type { LineageGraph } from "../bindings/LineageGraph";
import type { Meeting } from "../bindings/Meeting";
import type { MeetingAgenda } from "../bindings/MeetingAgenda";
import type { MeetingDecision } from "../bindings/MeetingDecision";
import type { MeetingInput } from "../bindings/MeetingInput";
import type { MeetingRef } from "../bindings/MeetingRef";
import type { MeetingSummary } from "../bindings/MeetingSummary";
import type { MetricsImport } from "../bindings/MetricsImport";
import type { MetricsImported } from "../bindings/MetricsImported";
import type { MlflowImport } from "../bindings/MlflowImport";
import type { MlflowImportOutcome } from "../bindings/MlflowImportOutcome";
import type { MonitoringImport } from "../bindings/MonitoringImport";
import type { MonitoringImported } from "../bindings/MonitoringImported";
import type { MonitoringView } from "../bindings/MonitoringView";
import type { MonthInput } from "../bindings/MonthInput";
import type { NewPortfolioRequest } from "../bindings/NewPortfolioRequest";
import type { NewWorkshop } from "../bindings/NewWorkshop";
import type { OpenLineageExportRequest } from "../bindings/OpenLineageExportRequest";
import type { OpenRequest } from "../bindings/OpenRequest";
import type { OverrideRequest } from "../bindings/OverrideRequest";
import type { Oversight } from "../bindings/Oversight";
import type { OversightUpdate } from "../bindings/OversightUpdate";
import type { PackApproval } from "../bindings/PackApproval";
import type { PackExport } from "../bindings/PackExport";
import type { PeftFolder } from "../bindings/PeftFolder";
import type { Person } from "../bindings/Person";
import type { PersonInput } from "../bindings/PersonInput";
import type { PersonUpdate } from "../bindings/PersonUpdate";
import type { PhaseAdvance } from "../bindings/PhaseAdvance";
import type { PhaseInput } from "../bindings/PhaseInput";
import type { PhaseStop } from "../bindings/PhaseStop";
import type { Pilot } from "../bindings/Pilot";
import type { PilotCreate } from "../bindings/PilotCreate";
import type { PilotRef } from "../bindings/PilotRef";
import type { PilotStart } from "../bindings/PilotStart";
import type { Policy } from "../bindings/Policy";
import type { PolicyInput } from "../bindings/PolicyInput";
import type { PolicyUpdate } from "../bindings/PolicyUpdate";
import type { PortfolioInfo } from "../bindings/PortfolioInfo";
import type { Programme } from "../bindings/Programme";
import type { ProgrammeChange } from "../bindings/ProgrammeChange";
import type { ProgrammeOverview } from "../bindings/ProgrammeOverview";
import type { ProtocolsUpdate } from "../bindings/ProtocolsUpdate";
import type { RankRequest } from "../bindings/RankRequest";
import type { Ranking } from "../bindings/Ranking";
import type { RateRequest } from "../bindings/RateRequest";
import type { Readiness } from "../bindings/Readiness";
import type { RecentFile } from "../bindings/RecentFile";
import type { RegressionCheck } from "../bindings/RegressionCheck";
import type { RestoreOutcome } from "../bindings/RestoreOutcome";
import type { RestoreRequest } from "../bindings/RestoreRequest";
import type { ReviewRequest } from "../bindings/ReviewRequest";
import type { RevokeOverrideRequest } from "../bindings/RevokeOverrideRequest";
import type { Risk } from "../bindings/Risk";
import type { RiskInput } from "../bindings/RiskInput";
import type { RiskUpdate } from "../bindings/RiskUpdate";
import type { SaveCopyRequest } from "../bindings/SaveCopyRequest";
import type { SessionStatus } from "../bindings/SessionStatus";
import type { SheetExportRequest } from "../bindings/SheetExportRequest";
import type { SheetImportRequest } from "../bindings/SheetImportRequest";
import type { SignRequest } from "../bindings/SignRequest";
import type { SignoffDecline } from "../bindings/SignoffDecline";
import type { SignoffFilter } from "../bindings/SignoffFilter";
import type { SignoffQueue } from "../bindings/SignoffQueue";
import type { SignoffReview } from "../bindings/SignoffReview";
import type { SignoffStatus } from "../bindings/SignoffStatus";
import type { StageBoard } from "../bindings/StageBoard";
import type { StageOption } from "../bindings/StageOption";
import type { Tolerance } from "../bindings/Tolerance";
import type { ToleranceInput } from "../bindings/ToleranceInput";
import type { UnsignedField } from "../bindings/UnsignedField";
import type { UpdatePreview } from "../bindings/UpdatePreview";
import type { UseCase } from "../bindings/UseCase";
import type { UseCaseCoverage } from "../bindings/UseCaseCoverage";
import type { UseCaseFilter } from "../bindings/UseCaseFilter";
import type { UseCaseRef } from "../bindings/UseCaseRef";
import type { UseCaseUpdate } from "../bindings/UseCaseUpdate";
import type { UseCaseValue } from "../bindings/UseCaseValue";
import type { ValueChart } from "../bindings/ValueChart";
import type { ValueChartExport } from "../bindings/ValueChartExport";
import type { VerifyReport } from "../bindings/VerifyReport";
import type { VerifyRequest } from "../bindings/VerifyRequest";
import type { VersionDiff } from "../bindings/VersionDiff";
import type { WeightsUpdate } from "../bindings/WeightsUpdate";
import type { WithdrawRequest } from "../bindings/WithdrawRequest";
import type { WithdrawnUseCase } from "../bindings/WithdrawnUseCase";
import type { WorkbookExport } from "../bindings/WorkbookExport";
import type { WorkingAsRequest } from "../bindings/WorkingAsRequest";
import type { Workshop } from "../bindings/Workshop";
import type { WorkshopDetail } from "../bindings/WorkshopDetail";
import type { WorkshopRef } from "../bindings/WorkshopRef";

export const sessionStatus = (): Promise<SessionStatus> => call("session_status", null);
export const sessionSetWorkingAs = (req: WorkingAsRequest): Promise<SessionStatus> => call("session_set_working_as", req);

export const portfolioOpen = (req: OpenRequest): Promise<SessionStatus> => call("portfolio_open", req);
export const portfolioCreate = (req: NewPortfolioRequest): Promise<SessionStatus> => call("portfolio_create", req);

export const recentList = (): Promise<Array<RecentFile>> => call("recent_list", null);
export const recentForget = (req: OpenRequest): Promise<Array<RecentFile>> => call("recent_forget", req);

export const portfolioInfo = (): Promise<PortfolioInfo> => call("portfolio_info", null);
export const portfolioSaveCopy = (req: SaveCopyRequest): Promise<ExportOutcome> => call("portfolio_save_copy", req);

export const backupList = (): Promise<Array<BackupFile>> => call("backup_list", null);
export const backupCreate = (): Promise<BackupFile> => call("backup_create", null);
export const backupRestore = (req: RestoreRequest): Promise<RestoreOutcome> => call("backup_restore", req);

export const programmeOverview = (): Promise<ProgrammeOverview> => call("programme_overview", null);
export const programmeGet = (): Promise<Programme> => call("programme_get", null);
export const programmeUpdate = (req: ProgrammeChange): Promise<Programme> => call("programme_update", req);

export const useCaseList = (): Promise<Array<UseCase>> => call("use_case_list", null);
export const useCaseGet = (req: UseCaseRef): Promise<UseCase> => call("use_case_get", req);
export const useCaseCreate = (req: DossierInput): Promise<UseCase> => call("use_case_create", req);
export const useCaseUpdate = (req: UseCaseUpdate): Promise<UseCase> => call("use_case_update", req);
export const useCaseOverrideGate = (req: OverrideRequest): Promise<UseCase> => call("use_case_override_gate", req);
export const useCaseRevokeOverride = (req: RevokeOverrideRequest): Promise<UseCase> => call("use_case_revoke_override", req);
export const useCasePreviewGate = (req: GatePreviewRequest): Promise<GatePreview> => call("use_case_preview_gate", req);
export const useCasePreviewUpdate = (req: UseCaseUpdate): Promise<UpdatePreview> => call("use_case_preview_update", req);
export const useCaseStageOptions = (req: UseCaseRef): Promise<Array<StageOption>> => call("use_case_stage_options", req);
export const useCaseWithdraw = (req: WithdrawRequest): Promise<WithdrawnUseCase> => call("use_case_withdraw", req);
export const useCaseRestore = (req: UseCaseRef): Promise<UseCase> => call("use_case_restore", req);
export const useCaseWithdrawn = (): Promise<Array<WithdrawnUseCase>> => call("use_case_withdrawn", null);
export const useCaseImportCsv = (req: ImportRequest): Promise<ImportOutcome> => call("use_case_import_csv", req);
export const useCaseExportCsv = (req: ExportRequest): Promise<ExportOutcome> => call("use_case_export_csv", req);

export const scoringRank = (req: RankRequest): Promise<Ranking> => call("scoring_rank", req);
export const scoringSetWeights = (req: WeightsUpdate): Promise<Array<Criterion>> => call("scoring_set_weights", req);
export const scoringMatrixSvg = (): Promise<string> => call("scoring_matrix_svg", null);

export const workshopList = (): Promise<Array<Workshop>> => call("workshop_list", null);
export const workshopCreate = (req: NewWorkshop): Promise<Workshop> => call("workshop_create", req);
export const workshopGet = (req: WorkshopRef): Promise<WorkshopDetail> => call("workshop_get", req);
export const workshopRate = (req: RateRequest): Promise<WorkshopDetail> => call("workshop_rate", req);
export const workshopExportSheet = (req: SheetExportRequest): Promise<ExportOutcome> => call("workshop_export_sheet", req);
export const workshopImportSheet = (req: SheetImportRequest): Promise<WorkshopDetail> => call("workshop_import_sheet", req);

export const policyList = (): Promise<Array<Policy>> => call("policy_list", null);
export const policyCreate = (req: PolicyInput): Promise<Policy> => call("policy_create", req);
export const policyUpdate = (req: PolicyUpdate): Promise<Policy> => call("policy_update", req);

export const sourceList = (): Promise<Array<DataSource>> => call("source_list", null);
export const sourceCreate = (req: DataSourceInput): Promise<DataSource> => call("source_create", req);
export const sourceUpdate = (req: DataSourceUpdate): Promise<DataSource> => call("source_update", req);

export const packList = (): Promise<Array<DataPack>> => call("pack_list", null);
export const packCreate = (req: DataPackCreate): Promise<DataPack> => call("pack_create", req);
export const packApprove = (req: PackApproval): Promise<DataPack> => call("pack_approve", req);

export const adapterPreview = (req: FolderRequest): Promise<PeftFolder> => call("adapter_preview", req);
export const adapterImport = (req: AdapterImport): Promise<AdapterVersion> => call("adapter_import", req);
export const adapterList = (): Promise<Array<AdapterSummary>> => call("adapter_list", null);
export const adapterVersions = (req: AdapterRef): Promise<Array<AdapterVersion>> => call("adapter_versions", req);
export const adapterVersionList = (): Promise<Array<AdapterVersion>> => call("adapter_version_list", null);
export const adapterVersionGet = (req: AdapterVersionRef): Promise<AdapterVersionDetail> => call("adapter_version_get", req);
export const adapterVersionDiff = (req: AdapterVersionDiffRequest): Promise<VersionDiff> => call("adapter_version_diff", req);
export const adapterVersionSetStatus = (req: AdapterStatusChange): Promise<AdapterVersion> => call("adapter_version_set_status", req);
export const adapterVersionSetBaseModel = (req: BaseModelChange): Promise<AdapterVersion> => call("adapter_version_set_base_model", req);

export const deploymentList = (): Promise<Array<Deployment>> => call("deployment_list", null);
export const deploymentCreate = (req: DeploymentInput): Promise<Deployment> => call("deployment_create", req);

export const regressionCheck = (req: AdapterVersionRef): Promise<RegressionCheck> => call("regression_check", req);
export const regressionTolerances = (req: UseCaseRef): Promise<Array<Tolerance>> => call("regression_tolerances", req);
export const regressionSetTolerance = (req: ToleranceInput): Promise<Array<Tolerance>> => call("regression_set_tolerance", req);

export const evaluationGet = (req: EvaluationRef): Promise<Evaluation> => call("evaluation_get", req);
export const evaluationImport = (req: EvaluationImport): Promise<Evaluation> => call("evaluation_import", req);
export const evaluationImportMlflow = (req: MlflowImport): Promise<MlflowImportOutcome> => call("evaluation_import_mlflow", req);
export const evaluationMarkBaseline = (req: BaselineRequest): Promise<Evaluation> => call("evaluation_mark_baseline", req);

export const lineageGraph = (req: AdapterVersionRef): Promise<LineageGraph> => call("lineage_graph", req);
export const lineageCheck = (): Promise<LineageCheck> => call("lineage_check", null);
export const lineageExportOpenlineage = (req: OpenLineageExportRequest): Promise<ExportOutcome> => call("lineage_export_openlineage", req);

export const personList = (): Promise<Array<Person>> => call("person_list", null);
export const personCreate = (req: PersonInput): Promise<Person> => call("person_create", req);
export const personUpdate = (req: PersonUpdate): Promise<Person> => call("person_update", req);

export const signoffSign = (req: SignRequest): Promise<SignoffStatus> => call("signoff_sign", req);
export const signoffList = (req: SignoffFilter): Promise<Array<SignoffStatus>> => call("signoff_list", req);
export const signoffQueue = (): Promise<SignoffQueue> => call("signoff_queue", null);
export const signoffReview = (req: ReviewRequest): Promise<SignoffReview> => call("signoff_review", req);
export const signoffDecline = (req: DeclineRequest): Promise<SignoffDecline> => call("signoff_decline", req);
export const signoffUnsignedFields = (): Promise<Array<UnsignedField>> => call("signoff_unsigned_fields", null);

export const auditLog = (req: AuditQuery): Promise<AuditPage> => call("audit_log", req);
export const auditVerify = (): Promise<VerifyReport> => call("audit_verify", null);
export const auditAcknowledge = (req: AuditAcknowledge): Promise<VerifyReport> => call("audit_acknowledge", req);

export const oversightList = (): Promise<Array<Oversight>> => call("oversight_list", null);
export const oversightSet = (req: OversightUpdate): Promise<Oversight> => call("oversight_set", req);

export const biasList = (req: UseCaseFilter): Promise<Array<BiasCheck>> => call("bias_list", req);
export const biasImport = (req: BiasImport): Promise<BiasCheck> => call("bias_import", req);
export const biasDefaults = (): Promise<Array<BiasDefault>> => call("bias_defaults", null);

export const riskList = (req: UseCaseFilter): Promise<Array<Risk>> => call("risk_list", req);
export const riskCreate = (req: RiskInput): Promise<Risk> => call("risk_create", req);
export const riskUpdate = (req: RiskUpdate): Promise<Risk> => call("risk_update", req);

export const frameworkCoverage = (req: UseCaseRef): Promise<UseCaseCoverage> => call("framework_coverage", req);
export const frameworkMapping = (): Promise<Array<EvidenceMapping>> => call("framework_mapping", null);

export const blueprintGet = (req: UseCaseRef): Promise<Blueprint> => call("blueprint_get", req);
export const blueprintSetPart = (req: BlueprintPartUpdate): Promise<Blueprint> => call("blueprint_set_part", req);
export const blueprintReview = (req: BlueprintReview): Promise<Blueprint> => call("blueprint_review", req);

export const pilotList = (): Promise<Array<Pilot>> => call("pilot_list", null);
export const pilotGet = (req: PilotRef): Promise<Pilot> => call("pilot_get", req);
export const pilotCreate = (req: PilotCreate): Promise<Pilot> => call("pilot_create", req);
export const pilotSetProtocols = (req: ProtocolsUpdate): Promise<Pilot> => call("pilot_set_protocols", req);
export const pilotAddPhase = (req: PhaseInput): Promise<Pilot> => call("pilot_add_phase", req);
export const pilotStart = (req: PilotStart): Promise<Pilot> => call("pilot_start", req);
export const pilotAdvance = (req: PhaseAdvance): Promise<Pilot> => call("pilot_advance", req);
export const pilotStop = (req: PhaseStop): Promise<Pilot> => call("pilot_stop", req);
export const pilotReadiness = (req: UseCaseRef): Promise<Readiness> => call("pilot_readiness", req);
export const pilotAddKpi = (req: KpiInput): Promise<Pilot> => call("pilot_add_kpi", req);
export const pilotAddIncident = (req: IncidentInput): Promise<Pilot> => call("pilot_add_incident", req);
export const pilotResolveIncident = (req: IncidentResolve): Promise<Pilot> => call("pilot_resolve_incident", req);
export const pilotBoard = (): Promise<StageBoard> => call("pilot_board", null);

export const monitoringView = (req: UseCaseRef): Promise<MonitoringView> => call("monitoring_view", req);
export const monitoringImport = (req: MonitoringImport): Promise<MonitoringImported> => call("monitoring_import", req);
export const monitoringImportFeedback = (req: MonitoringImport): Promise<FeedbackImported> => call("monitoring_import_feedback", req);
export const monitoringAlerts = (req: AlertQuery): Promise<Array<DriftAlert>> => call("monitoring_alerts", req);
export const monitoringAcknowledge = (req: AlertAcknowledge): Promise<DriftAlert> => call("monitoring_acknowledge", req);
export const monitoringExportChart = (req: ChartExport): Promise<ExportOutcome> => call("monitoring_export_chart", req);

export const valueGet = (req: UseCaseRef): Promise<UseCaseValue> => call("value_get", req);
export const valueRecordMonth = (req: MonthInput): Promise<UseCaseValue> => call("value_record_month", req);
export const valueImport = (req: MetricsImport): Promise<MetricsImported> => call("value_import", req);
export const valueChart = (req: ValueChart): Promise<string> => call("value_chart", req);
export const valueExportChart = (req: ValueChartExport): Promise<ExportOutcome> => call("value_export_chart", req);

export const steeringDashboard = (): Promise<Dashboard> => call("steering_dashboard", null);
export const steeringChecklist = (): Promise<Checklist> => call("steering_checklist", null);
export const steeringCadence = (): Promise<CadenceView> => call("steering_cadence", null);
export const steeringAddCadence = (req: CadenceInput): Promise<CadenceView> => call("steering_add_cadence", req);

export const meetingList = (): Promise<Array<MeetingSummary>> => call("meeting_list", null);
export const meetingCreate = (req: MeetingInput): Promise<MeetingAgenda> => call("meeting_create", req);
export const meetingAgenda = (req: MeetingRef): Promise<MeetingAgenda> => call("meeting_agenda", req);
export const meetingDecide = (req: DecisionInput): Promise<MeetingDecision> => call("meeting_decide", req);
export const meetingAddAction = (req: ActionInput): Promise<Meeting> => call("meeting_add_action", req);
export const meetingClose = (req: MeetingRef): Promise<Meeting> => call("meeting_close", req);
export const meetingMinutes = (req: MeetingRef): Promise<Meeting> => call("meeting_minutes", req);
export const meetingBacklog = (): Promise<Array<BacklogItem>> => call("meeting_backlog", null);
export const meetingPropose = (req: BacklogInput): Promise<BacklogItem> => call("meeting_propose", req);

export const reportStartPack = (req: PackExport): Promise<ExportJob> => call("report_start_pack", req);
export const reportStartDeck = (req: DeckExport): Promise<ExportJob> => call("report_start_deck", req);
export const reportJob = (req: JobRef): Promise<ExportJob> => call("report_job", req);
export const reportCancel = (req: JobRef): Promise<ExportJob> => call("report_cancel", req);
export const reportVerify = (req: VerifyRequest): Promise<DocumentVerification> => call("report_verify", req);
export const reportExports = (): Promise<Array<ExportRecord>> => call("report_exports", null);
export const reportExportWorkbook = (req: WorkbookExport): Promise<ExportOutcome> => call("report_export_workbook", req);
