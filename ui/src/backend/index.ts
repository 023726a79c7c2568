// The only module that talks to Tauri. Everything else imports these typed functions, so the
// rest of the UI can be unit-tested with this module mocked, and no other file imports
// @tauri-apps/*.
import { invoke } from "@tauri-apps/api/core";
import { open, save } from "@tauri-apps/plugin-dialog";
import type { ApiError } from "../bindings/ApiError";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { NewPortfolioRequest } from "../bindings/NewPortfolioRequest";
import type { Programme } from "../bindings/Programme";
import type { ProgrammeOverview } from "../bindings/ProgrammeOverview";
import type { ProgrammeUpdate } from "../bindings/ProgrammeUpdate";
import type { RecentFile } from "../bindings/RecentFile";
import type { SavedCopy } from "../bindings/SavedCopy";
import type { SessionStatus } from "../bindings/SessionStatus";
import type { UseCase } from "../bindings/UseCase";
import type { Criterion } from "../bindings/Criterion";
import type { DossierInput } from "../bindings/DossierInput";
import type { ExportOutcome } from "../bindings/ExportOutcome";
import type { ImportOutcome } from "../bindings/ImportOutcome";
import type { NewWorkshop } from "../bindings/NewWorkshop";
import type { Ranking } from "../bindings/Ranking";
import type { RatingEntry } from "../bindings/RatingEntry";
import type { Weight } from "../bindings/Weight";
import type { Workshop } from "../bindings/Workshop";
import type { WorkshopDetail } from "../bindings/WorkshopDetail";
import type { AdapterStatus } from "../bindings/AdapterStatus";
import type { AdapterSummary } from "../bindings/AdapterSummary";
import type { AdapterVersion } from "../bindings/AdapterVersion";
import type { AdapterVersionDetail } from "../bindings/AdapterVersionDetail";
import type { DataPack } from "../bindings/DataPack";
import type { DataPackInput } from "../bindings/DataPackInput";
import type { DataSource } from "../bindings/DataSource";
import type { DataSourceInput } from "../bindings/DataSourceInput";
import type { Deployment } from "../bindings/Deployment";
import type { DeploymentInput } from "../bindings/DeploymentInput";
import type { Evaluation } from "../bindings/Evaluation";
import type { LineageCheck } from "../bindings/LineageCheck";
import type { LineageGraph } from "../bindings/LineageGraph";
import type { MlflowImportOutcome } from "../bindings/MlflowImportOutcome";
import type { OpenLineageExport } from "../bindings/OpenLineageExport";
import type { PackApproval } from "../bindings/PackApproval";
import type { PeftFolder } from "../bindings/PeftFolder";
import type { Policy } from "../bindings/Policy";
import type { PolicyInput } from "../bindings/PolicyInput";
import type { VersionDiff } from "../bindings/VersionDiff";
import type { AdapterImportRequest } from "../bindings/AdapterImportRequest";
import type { EvaluationImportRequest } from "../bindings/EvaluationImportRequest";
import type { MlflowImportRequest } from "../bindings/MlflowImportRequest";
import type { AuditPage } from "../bindings/AuditPage";
import type { AuditQuery } from "../bindings/AuditQuery";
import type { BiasCheck } from "../bindings/BiasCheck";
import type { BiasImportRequest } from "../bindings/BiasImportRequest";
import type { EvidenceMapping } from "../bindings/EvidenceMapping";
import type { Oversight } from "../bindings/Oversight";
import type { OversightInput } from "../bindings/OversightInput";
import type { Person } from "../bindings/Person";
import type { PersonInput } from "../bindings/PersonInput";
import type { Risk } from "../bindings/Risk";
import type { RiskInput } from "../bindings/RiskInput";
import type { SignoffFilter } from "../bindings/SignoffFilter";
import type { SignoffQueue } from "../bindings/SignoffQueue";
import type { SignoffStatus } from "../bindings/SignoffStatus";
import type { UseCaseCoverage } from "../bindings/UseCaseCoverage";
import type { VerifyReport } from "../bindings/VerifyReport";

/** A handler's refusal, carrying the code the UI branches on. */
export class BackendError extends Error {
  readonly code: ErrorCode;
  /** For `invalid_input`: the refused field, to show the message beside it. */
  readonly field: string | null;
  constructor(error: ApiError) {
    super(error.message);
    this.name = "BackendError";
    this.code = error.code;
    this.field = error.field;
  }
}

function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ApiError).code === "string" &&
    typeof (value as ApiError).message === "string"
  );
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (thrown) {
    throw new BackendError(isApiError(thrown) ? thrown : { code: "internal", message: String(thrown), field: null });
  }
}

const PORTFOLIO_FILTER = [{ name: "Steerco portfolio", extensions: ["steerco"] }];
const CSV_FILTER = [{ name: "CSV (comma-separated values)", extensions: ["csv"] }];
const OPENLINEAGE_FILTER = [{ name: "OpenLineage events (JSON lines)", extensions: ["jsonl"] }];

/** A file-type filter for the native dialogs. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The files evaluation_import reads: lm-evaluation-harness results (JSON) and metric tables (CSV). */
export const EVALUATION_FILES: FileFilter[] = [{ name: "Evaluation results (JSON, CSV)", extensions: ["json", "csv"] }];

/** The files bias_import reads: parity counts per group, or adversarial prompt outcomes (CSV). */
export const BIAS_FILES: FileFilter[] = [{ name: "Bias check results (CSV)", extensions: ["csv"] }];

export const backend = {
  sessionStatus: () => call<SessionStatus>("session_status"),
  openPortfolio: (path: string) => call<SessionStatus>("portfolio_open", { req: { path } }),
  createPortfolio: (req: NewPortfolioRequest) => call<SessionStatus>("portfolio_create", { req }),
  saveCopy: (destination: string) => call<SavedCopy>("portfolio_save_copy", { req: { destination } }),
  recentFiles: () => call<RecentFile[]>("recent_list"),
  forgetRecent: (path: string) => call<RecentFile[]>("recent_forget", { req: { path } }),
  programmeOverview: () => call<ProgrammeOverview>("programme_overview"),
  programme: () => call<Programme>("programme_get"),
  updateProgramme: (req: ProgrammeUpdate) => call<Programme>("programme_update", { req }),
  useCases: () => call<UseCase[]>("usecase_list"),
  useCase: (id: string) => call<UseCase>("usecase_get", { req: { id } }),
  createUseCase: (req: DossierInput) => call<UseCase>("usecase_create", { req }),
  updateUseCase: (id: string, dossier: DossierInput) => call<UseCase>("usecase_update", { req: { id, dossier } }),
  overrideGate: (id: string, decidedBy: string, reason: string) =>
    call<UseCase>("usecase_override", { req: { id, decided_by: decidedBy, reason } }),
  revokeOverride: (id: string, revokedBy: string) =>
    call<UseCase>("usecase_revoke_override", { req: { id, revoked_by: revokedBy } }),
  importCsv: (csv: string, dryRun: boolean) => call<ImportOutcome>("usecase_import", { req: { csv, dry_run: dryRun } }),
  exportCsv: (destination: string) => call<ExportOutcome>("usecase_export", { req: { destination } }),
  ranking: (weights: Weight[] | null) => call<Ranking>("scoring_rank", { req: { weights } }),
  setWeights: (weights: Weight[]) => call<Criterion[]>("scoring_set_weights", { req: weights }),
  scoringMatrixSvg: () => call<string>("scoring_matrix_svg"),
  workshops: () => call<Workshop[]>("workshop_list"),
  createWorkshop: (req: NewWorkshop) => call<Workshop>("workshop_create", { req }),
  workshop: (id: string) => call<WorkshopDetail>("workshop_detail", { req: { id } }),
  rateInWorkshop: (workshopId: string, entries: RatingEntry[]) =>
    call<WorkshopDetail>("workshop_rate", { req: { workshop_id: workshopId, entries } }),
  exportRatingSheet: (workshopId: string, participant: string, destination: string) =>
    call<{ path: string }>("workshop_export_sheet", { req: { workshop_id: workshopId, participant, destination } }),
  importRatingSheet: (workshopId: string, csv: string) =>
    call<WorkshopDetail>("workshop_import_sheet", { req: { workshop_id: workshopId, csv } }),

  policies: () => call<Policy[]>("policy_list"),
  createPolicy: (req: PolicyInput) => call<Policy>("policy_create", { req }),
  updatePolicy: (id: string, policy: PolicyInput) => call<Policy>("policy_update", { req: { id, policy } }),
  sources: () => call<DataSource[]>("source_list"),
  createSource: (req: DataSourceInput) => call<DataSource>("source_create", { req }),
  updateSource: (id: string, source: DataSourceInput) => call<DataSource>("source_update", { req: { id, source } }),
  packs: () => call<DataPack[]>("pack_list"),
  createPack: (pack: DataPackInput, filePath: string | null) =>
    call<DataPack>("pack_create", { req: { pack, file_path: filePath } }),
  approvePack: (req: PackApproval) => call<DataPack>("pack_approve", { req }),
  previewAdapter: (path: string) => call<PeftFolder>("adapter_preview", { req: { path } }),
  importAdapter: (req: AdapterImportRequest) => call<AdapterVersion>("adapter_import", { req }),
  adapters: () => call<AdapterSummary[]>("adapter_list"),
  adapterVersions: (adapter: string) => call<AdapterVersion[]>("adapter_versions", { req: { adapter } }),
  allAdapterVersions: () => call<AdapterVersion[]>("adapter_all_versions"),
  adapterVersion: (id: string) => call<AdapterVersionDetail>("adapter_show", { req: { id } }),
  diffVersions: (from: string, to: string) => call<VersionDiff>("adapter_diff", { req: { from, to } }),
  setAdapterStatus: (id: string, status: AdapterStatus) =>
    call<AdapterVersion>("adapter_set_status", { req: { id, status } }),
  recordDeployment: (req: DeploymentInput) => call<Deployment>("deployment_create", { req }),
  deployments: () => call<Deployment[]>("deployment_list"),
  importEvaluation: (req: EvaluationImportRequest) => call<Evaluation>("evaluation_import", { req }),
  importMlflowRun: (req: MlflowImportRequest) => call<MlflowImportOutcome>("evaluation_mlflow_import", { req }),
  markBaseline: (evaluationId: string, useCaseId: string) =>
    call<Evaluation>("evaluation_mark_baseline", { req: { evaluation_id: evaluationId, use_case_id: useCaseId } }),
  lineage: (id: string) => call<LineageGraph>("lineage_graph", { req: { id } }),
  checkLineage: () => call<LineageCheck>("lineage_check"),
  exportOpenLineage: (destination: string) =>
    call<OpenLineageExport>("lineage_export_openlineage", { req: { destination } }),

  /** Who is working on the shared laptop (by name; null for nobody). Not a login. */
  setWorkingAs: (name: string | null) => call<SessionStatus>("session_set_working_as", { req: { name } }),
  people: () => call<Person[]>("person_list"),
  createPerson: (req: PersonInput) => call<Person>("person_create", { req }),
  updatePerson: (id: string, person: PersonInput) => call<Person>("person_update", { req: { id, person } }),

  signOff: (entityId: string, comment: string) =>
    call<SignoffStatus>("signoff_sign", { req: { entity_id: entityId, comment } }),
  signoffs: (req: SignoffFilter) => call<SignoffStatus[]>("signoff_list", { req }),
  signoffQueue: () => call<SignoffQueue>("signoff_queue"),

  auditLog: (req: AuditQuery) => call<AuditPage>("audit_log", { req }),
  verifyAudit: () => call<VerifyReport>("audit_verify"),

  oversight: () => call<Oversight[]>("oversight_list"),
  setOversight: (req: OversightInput) => call<Oversight>("oversight_set", { req }),
  biasChecks: (useCaseId: string | null) => call<BiasCheck[]>("bias_list", { req: { use_case_id: useCaseId } }),
  importBias: (req: BiasImportRequest) => call<BiasCheck>("bias_import", { req }),
  risks: (useCaseId: string | null) => call<Risk[]>("risk_list", { req: { use_case_id: useCaseId } }),
  createRisk: (req: RiskInput) => call<Risk>("risk_create", { req }),
  updateRisk: (id: string, risk: RiskInput) => call<Risk>("risk_update", { req: { id, risk } }),
  frameworkCoverage: (useCaseId: string) => call<UseCaseCoverage>("framework_coverage", { req: { id: useCaseId } }),
  frameworkMapping: () => call<EvidenceMapping[]>("framework_mapping"),

  /** Native "Open" dialog; resolves to null when the user cancels. */
  choosePortfolioToOpen: async (): Promise<string | null> => {
    const picked = await open({ title: "Open portfolio", multiple: false, directory: false, filters: PORTFOLIO_FILTER });
    return typeof picked === "string" ? picked : null;
  },

  /** Native "Save" dialog for a new file; resolves to null when the user cancels. */
  chooseNewFile: async (title: string, suggestedName: string): Promise<string | null> => {
    const picked = await save({ title, defaultPath: suggestedName, filters: PORTFOLIO_FILTER });
    return picked ?? null;
  },

  /** Native "Save" dialog for a CSV file; resolves to null when the user cancels. */
  chooseCsvDestination: async (title: string, suggestedName: string): Promise<string | null> => {
    const picked = await save({ title, defaultPath: suggestedName, filters: CSV_FILTER });
    return picked ?? null;
  },

  /** Native folder chooser; resolves to null when the user cancels. */
  chooseFolder: async (title: string): Promise<string | null> => {
    const picked = await open({ title, directory: true, multiple: false });
    return typeof picked === "string" ? picked : null;
  },

  /** Native "Open" dialog for one file; no filters means any file. Null when the user cancels. */
  chooseFile: async (title: string, filters: FileFilter[] = []): Promise<string | null> => {
    const picked = await open({ title, directory: false, multiple: false, filters });
    return typeof picked === "string" ? picked : null;
  },

  /** Native "Save" dialog for the OpenLineage export; resolves to null when the user cancels. */
  chooseOpenLineageDestination: async (): Promise<string | null> => {
    const picked = await save({
      title: "Export OpenLineage events",
      defaultPath: "lineage.openlineage.jsonl",
      filters: OPENLINEAGE_FILTER,
    });
    return picked ?? null;
  },
};

export type Backend = typeof backend;
