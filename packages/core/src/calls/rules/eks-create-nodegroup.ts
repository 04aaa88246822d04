import { buildArn } from '../arns.js';
import { type CallRule, makeCheck, regionContext, requestTagContext } from '../call-rule.js';
import { passRoleCheck } from '../pass-role.js';

const EKS_SAR =
  'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelastickubernetesservice.html';
const EKS_NODE_ROLE = 'https://docs.aws.amazon.com/eks/latest/userguide/create-node-role.html';

/**
 * EKS `CreateNodegroup`: `eks:CreateNodegroup` on the cluster the node group joins, with the request
 * tags, and `iam:PassRole` on the node role (`eks.amazonaws.com`).
 * @see https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html
 * @see https://docs.aws.amazon.com/eks/latest/userguide/create-node-role.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelastickubernetesservice.html
 */
export const eksCreateNodegroup: CallRule = {
  id: 'eks-create-nodegroup',
  service: 'eks',
  operations: ['CreateNodegroup'],
  passesRoleTo: 'eks.amazonaws.com',
  sources: [EKS_SAR, EKS_NODE_ROLE],
  parameters: ['clusterName', 'nodegroupName', 'nodeRole', 'tags.*'],
  expand({ scope, parameters, notes }) {
    const cluster = parameters.string('clusterName');
    // the node group's name does not enter the check: it is authorized on the cluster
    parameters.has('nodegroupName');
    const role = parameters.string('nodeRole');
    return [
      makeCheck({
        action: 'eks:CreateNodegroup',
        // authorized on the cluster the node group joins (the Service Authorization Reference)
        resource: buildArn(scope, 'eks', { regional: true, account: true }, [
          'cluster/',
          { id: cluster, what: 'cluster name' },
        ]),
        resourceType: 'cluster',
        context: { ...regionContext(scope), ...requestTagContext(parameters.tags('tags')) },
        why: 'the cluster the node group is created in',
        source: EKS_SAR,
      }),
      passRoleCheck(
        scope,
        { role, service: 'eks.amazonaws.com', purpose: 'node role', source: EKS_NODE_ROLE },
        notes,
      ),
    ];
  },
};
