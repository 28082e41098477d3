import { Body } from '@nestjs/common';
import { forwardBodyProblems, type CaseState } from '@zhifa/domain';
import { OutsideBodyRepository } from '@zhifa/persistence';
import { refuseBodies } from '../../bodies/body-problems';
import { CaseCommandRunner, CommandCall, type CaseCall, type CommandResponse } from '../../cases/case-command-runner.service';
import { CaseCommandController, CommandRoute } from '../command-route.decorator';
import { iso } from '../dto-rules';
import { ForwardTransferDto, PoliceReturnDto, TransferHandoverDto, TransferMaterialRequestDto, TransferMaterialSupplyDto } from './transfer-police-steps.dto';

/** 两法衔接 with the police: forwarding, missing material, the hand-over after filing, the return of an accepted case. */
@CaseCommandController()
export class TransferPoliceStepsController {
  constructor(
    private readonly runner: CaseCommandRunner,
    private readonly bodies: OutsideBodyRepository,
  ) {}

  @CommandRoute('FORWARD_TRANSFER', 'Police: forward the transfer to the competent unit (R310 7)')
  forward(@Body() dto: ForwardTransferDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, async (_people, row) => {
      // A registered unit, not the one the transfer is with now: the competent unit's liaisons take it over.
      refuseBodies(forwardBodyProblems(await this.bodies.register(), (row?.state as unknown as CaseState | undefined) ?? null, dto.policeAgency));
      return { type: 'FORWARD_TRANSFER', policeAgency: dto.policeAgency, at: iso(dto.at), reason: dto.reason };
    });
  }

  @CommandRoute('REQUEST_TRANSFER_MATERIAL', 'Police: ask for missing material, supplied within 3 days (R310 7)')
  requestMaterial(@Body() dto: TransferMaterialRequestDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'REQUEST_TRANSFER_MATERIAL', materials: [...dto.materials], at: iso(dto.at) }));
  }

  @CommandRoute('SUPPLY_TRANSFER_MATERIAL', 'Supply the material the police asked for (R310 7)')
  supplyMaterial(@Body() dto: TransferMaterialSupplyDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'SUPPLY_TRANSFER_MATERIAL', documents: [...dto.documents], at: iso(dto.at) }));
  }

  @CommandRoute('RECORD_TRANSFER_HANDOVER', 'Items and files handed over with an inventory, within 3 days of filing (R310 12)')
  handover(@Body() dto: TransferHandoverDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'RECORD_TRANSFER_HANDOVER', inventory: [...dto.inventory], at: iso(dto.at) }));
  }

  @CommandRoute('RETURN_TRANSFERRED_CASE', 'Police: no crime found, the accepted case returns for an administrative penalty (APL 27)')
  policeReturn(@Body() dto: PoliceReturnDto, @CommandCall() call: CaseCall): Promise<CommandResponse> {
    return this.runner.run(call, dto, () => ({ type: 'RETURN_TRANSFERRED_CASE', at: iso(dto.at), reason: dto.reason }));
  }
}
