import { REFUND_REASONS, type RefundReason } from '@shared/domain'
import { SelectField, TextField } from '../../../ui/Field'
import { REFUND_REASON_LABEL } from './format'

/** The reason and note every refund records, whether of an amount or of one course. */
export function RefundReasonFields({ reason, note, onReason, onNote }: { reason: RefundReason; note: string; onReason: (reason: RefundReason) => void; onNote: (note: string) => void }) {
  return (
    <>
      <SelectField label="Reason" value={reason} onChange={(e) => onReason(e.target.value as RefundReason)}>
        {REFUND_REASONS.map((r) => (
          <option key={r} value={r}>
            {REFUND_REASON_LABEL[r]}
          </option>
        ))}
      </SelectField>
      <TextField label="Note (optional)" value={note} maxLength={500} onChange={(e) => onNote(e.target.value)} />
    </>
  )
}
