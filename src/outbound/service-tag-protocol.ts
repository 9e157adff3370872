/** Protocol of a service-tag rule. Enum-like. */
export class ServiceTagProtocol {
  /** TCP. */
  public static readonly TCP = new ServiceTagProtocol('TCP');
  /** UDP. */
  public static readonly UDP = new ServiceTagProtocol('UDP');
  /** ICMP. */
  public static readonly ICMP = new ServiceTagProtocol('ICMP');
  /** Any protocol. */
  public static readonly ANY = new ServiceTagProtocol('*');

  private constructor(
    /** The ARM value of `destination.protocol`. */
    public readonly value: string,
  ) {}
}
