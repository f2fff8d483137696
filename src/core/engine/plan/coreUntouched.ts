import type { ReportModel } from '../reportModel';
import type { Understanding } from '../understand';

/**
 * Whether the plan leaves the core system alone: every system it builds is a security one (a
 * zero-trust, SOC and EDR programme). The report then does not say the plan "works around" the
 * core (方案围绕它做优化与集成), which it does not; the core stays the customer's context. A
 * network or operations system does serve the core (a CDN before the claims system, the link its
 * data syncs over, the monitoring of it), and a plan with no system says nothing of it either way.
 * Nor does a plan that connects and serves the equipment the customer sold (equipment-service): a
 * machinery maker's MES is not what its IoT platform is about. Nor does a project about the
 * workplace (aboutTheWorkplace): the design institute's PLM stays as it is.
 */
export function planLeavesCoreAlone(model: Pick<ReportModel, 'plan'>, u: Understanding): boolean {
  const systems = model.plan?.systems ?? [];
  if (systems.length === 0) return false;
  // Connecting and serving the equipment the customer sold is about its customers' plants, not its
  // own; a workplace project is about people's desks.
  if ((u.traits.has('equipment-service') || aboutTheWorkplace(u)) && !u.model.coreSystem.inScope) return true;
  return systems.every((s) => u.kb.category(s.category)?.layer === 'security');
}

/**
 * Whether the project is about where and on what people work (their desktops moved into the data
 * centre, their PCs, office software and email replaced with domestic ones, or the email system
 * alone), not a business system: which core system the customer runs is then no question to ask first.
 */
function aboutTheWorkplace(u: Pick<Understanding, 'traits'>): boolean {
  return u.traits.has('virtual-desktop') || u.traits.has('office-xinchuang') || u.traits.has('email-replacement');
}

/**
 * Whether the project has no use for knowing the customer's core system, so that it is no
 * question to ask first: a workplace project (aboutTheWorkplace), the replacement of the
 * virtualisation platform, which every system moves with as it is (the report says so: 现有业务
 * 系统随虚拟化平台迁移), the software delivery platform every team builds and releases with, or
 * the bastion every server, database and network device is run through as it is. What runs on
 * the platform is surveyed all the same (the VM inventory, the teams' repositories, the assets).
 */
export function coreBesideThePoint(u: Pick<Understanding, 'traits'>): boolean {
  return aboutTheWorkplace(u) || u.traits.has('virtualization-replacement') || u.traits.has('devops-platform') || u.traits.has('privileged-access');
}
