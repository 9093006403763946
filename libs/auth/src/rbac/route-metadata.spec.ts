import { SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { RouteMetadata } from './route-metadata';

const KEY = 'test:roles';

@SetMetadata(KEY, ['controller'])
class Controller {
  @SetMetadata(KEY, ['handler'])
  own(): void {}

  inherited(): void {}
}

const contextOf = (handler: () => void) => new ExecutionContextHost([], Controller, handler);

describe('RouteMetadata', () => {
  it('reads like getAllAndOverride (the handler first, then its controller), once per route', () => {
    const reflector = new Reflector();
    const reads = jest.spyOn(reflector, 'getAllAndOverride');
    const roles = new RouteMetadata<string[]>(reflector, KEY);

    expect(roles.of(contextOf(Controller.prototype.own))).toEqual(['handler']);
    expect(roles.of(contextOf(Controller.prototype.inherited))).toEqual(['controller']);
    expect(roles.of(contextOf(Controller.prototype.own))).toEqual(['handler']);
    expect(roles.of(contextOf(Controller.prototype.inherited))).toEqual(['controller']);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('remembers routes without the metadata too', () => {
    const reflector = new Reflector();
    const reads = jest.spyOn(reflector, 'getAllAndOverride');
    const absent = new RouteMetadata<boolean>(reflector, 'test:absent');
    expect(absent.of(contextOf(Controller.prototype.own))).toBeUndefined();
    expect(absent.of(contextOf(Controller.prototype.own))).toBeUndefined();
    expect(reads).toHaveBeenCalledTimes(1);
  });
});
