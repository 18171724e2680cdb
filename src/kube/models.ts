import { StatefulSet } from "kubernetes-models/apps/v1/StatefulSet";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { DaemonSet } from "kubernetes-models/apps/v1/DaemonSet";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { Job } from "kubernetes-models/batch/v1/Job";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { ClusterRole } from "kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole";
import { ClusterRoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding";
import { Role } from "kubernetes-models/rbac.authorization.k8s.io/v1/Role";
import { RoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Pod } from "kubernetes-models/v1/Pod";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";

// One entry per apiVersion+kind: the kubernetes-models class (types, required fields, formats)
// and the client-node model name (unknown fields). Two libraries because neither does both.

/** Structural: the `Model` base class lives in a transitive package we do not depend on. */
export type ModelClass = new (data: never) => { validate(): void };

export interface KindSchema {
  readonly model: ModelClass;
  readonly clientType: string;
}

const entry = (model: unknown, clientType: string): KindSchema => ({ model: model as ModelClass, clientType });

export const KIND_SCHEMAS: Readonly<Record<string, KindSchema>> = {
  "v1/ConfigMap": entry(ConfigMap, "V1ConfigMap"),
  "v1/Pod": entry(Pod, "V1Pod"),
  "v1/Secret": entry(Secret, "V1Secret"),
  "v1/Service": entry(Service, "V1Service"),
  "v1/ServiceAccount": entry(ServiceAccount, "V1ServiceAccount"),
  "apps/v1/StatefulSet": entry(StatefulSet, "V1StatefulSet"),
  "apps/v1/Deployment": entry(Deployment, "V1Deployment"),
  "apps/v1/DaemonSet": entry(DaemonSet, "V1DaemonSet"),
  "batch/v1/Job": entry(Job, "V1Job"),
  "rbac.authorization.k8s.io/v1/Role": entry(Role, "V1Role"),
  "rbac.authorization.k8s.io/v1/RoleBinding": entry(RoleBinding, "V1RoleBinding"),
  "rbac.authorization.k8s.io/v1/ClusterRole": entry(ClusterRole, "V1ClusterRole"),
  "rbac.authorization.k8s.io/v1/ClusterRoleBinding": entry(ClusterRoleBinding, "V1ClusterRoleBinding"),
  "policy/v1/PodDisruptionBudget": entry(PodDisruptionBudget, "V1PodDisruptionBudget"),
  "networking.k8s.io/v1/NetworkPolicy": entry(NetworkPolicy, "V1NetworkPolicy"),
  "autoscaling/v2/HorizontalPodAutoscaler": entry(HorizontalPodAutoscaler, "V2HorizontalPodAutoscaler"),
};
