// Finding a caller (or any insured person) by name, whole ID number or whole phone: what the server lets this
// account see (masked ID numbers and phones for agents), with the person's applications and benefits.
import { CallerLookup } from '../components/CallerLookup';
import { useFocusWhen } from '../components/Form';

export function PersonsPage() {
  const heading = useFocusWhen<HTMLHeadingElement>(true);
  return (
    <section className="stack">
      <h1 ref={heading} tabIndex={-1}>
        查找来电人
      </h1>
      <p className="muted">
        按参保人的姓名（可以只输入一部分）、完整的18位身份证号或完整的手机号查找；手机号也可以是代办家属、社区工作人员或申请时留的联系电话。
      </p>
      <CallerLookup />
    </section>
  );
}
